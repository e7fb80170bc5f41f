import {
  listCategories,
  listProducts,
  readProduct,
  updateProduct,
} from "@/lib/ecommerce-api/contract";
import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "caching-with-redis",
  title: "Caching with Redis",
  summary:
    "The shop's catalog reads become cache-aside in Redis: per-sandbox keys, a TTL, HIT, MISS and STALE on every answer, invalidation on every write, one database read for fifty concurrent misses, and HTTP caching with ETag and 304 on the same endpoints.",
  objectives: [
    "Explain cache-aside, read-through and write-through, and when each fits",
    "Design cache keys: scoped per tenant, from the normalized request",
    "Choose a TTL, and say what it bounds",
    "Invalidate on every write path, after the commit, and know the race that remains",
    "Protect the database from a stampede with single-flight",
    "Serve stale while revalidating, on the server and with RFC 5861's directive",
    "Use Cache-Control, ETag, If-None-Match and Vary (RFC 9111) on the same endpoints",
    "Keep the site up, and fast, when Redis is down",
  ],
  minutes: 45,
  api: [listProducts, readProduct, listCategories, updateProduct],
  examples,
  checks,
});
