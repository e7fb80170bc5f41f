import { defineLesson } from "@/lib/lessons/define";
import { rateLimitingApi } from "@/lib/rate-limiting/contract";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "rate-limiting",
  title: "Rate limiting with Redis",
  summary:
    "Fixed window, sliding window and token bucket on live endpoints you can hammer: 429 with Retry-After and the RateLimit fields, limits shared across servers through Redis, and a deliberate answer to what happens when Redis is down.",
  objectives: [
    "Say why an API limits request rates, and whom each limit protects",
    "Compare fixed window, sliding window and token bucket, including the fixed window's double burst at a boundary",
    "Answer 429 Too Many Requests with Retry-After and the RateLimit-Policy and RateLimit fields",
    "Write a client that backs off with jitter and honors Retry-After",
    "Choose what a limit is keyed by (user, API key, address) and take the address only from trusted proxies",
    "Share limits across server instances with Redis, atomically",
    "Decide, per limiter, whether it fails open, fails closed or falls back to local limits when Redis is down, and keep that decision fast",
  ],
  minutes: 50,
  api: rateLimitingApi,
  examples,
  checks,
  explains: {
    "limiter-unavailable": "when-redis-is-down",
  },
});
