import { visitCounter } from "@/db/schema/load-balancing";
import { defineLesson } from "@/lib/lessons/define";
import { loadBalancingApi } from "@/lib/load-balancing/contract";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "load-balancing",
  title: "Load balancing and horizontal scaling",
  summary:
    "Several instances of this very app behind nginx: see which one answered each request, why stateless instances make sticky sessions unnecessary, what health checks and retries can and cannot do, and what the API answers while its database is down.",
  objectives: [
    "Tell horizontal from vertical scaling, and layer 4 from layer 7 load balancing",
    "Compare round-robin, least-connections and hash-based balancing, and say when sticky sessions are needed",
    "Keep every instance stateless: state in Postgres and Redis, never in one process's memory",
    "Tell passive from active health checks, and write a health endpoint that says whether an instance can serve",
    "Say which requests a balancer may retry on another instance (RFC 9110 §9.2.2) and why a POST is not one of them",
    "Drain an instance before stopping it, and answer 503 with Retry-After while a dependency is down",
  ],
  minutes: 45,
  api: loadBalancingApi,
  data: { tables: [visitCounter] },
  examples,
  checks,
  explains: {
    "database-unavailable": "when-the-database-is-down",
  },
});
