import {
  listCategories,
  listProducts,
  placeOrder,
  readProduct,
  updateProduct,
} from "@/lib/ecommerce-api/contract";
import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "cacheable-ecommerce-api",
  title: "A cacheable e-commerce API",
  summary:
    "Mini-project: make the shop cache-friendly end to end. Revalidate with ETags, watch an order and an admin's change invalidate the cache, measure the HIT ratio with a burst, and catch a stale answer being refreshed.",
  objectives: [
    "Revalidate catalog reads with If-None-Match and tell a 304 from a changed 200",
    "Trace a write (an order, an admin's change) to the cache entries it invalidates",
    "Measure a HIT ratio under load, and explain what lowers it",
    "Observe stale-while-revalidate, and say when stale answers are acceptable",
    "Write a client that keeps ETags and saves bandwidth with conditional requests",
  ],
  minutes: 40,
  api: [readProduct, listProducts, listCategories, placeOrder, updateProduct],
  examples,
  checks,
});
