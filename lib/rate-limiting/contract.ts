import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";
import { wholeNumber } from "@/lib/http/fields";

/** The three limiters of the lesson, each on its own endpoint. */
export const ALGORITHMS = ["fixed-window", "sliding-window", "token-bucket"] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** The most one request may cost: the whole quota of every limiter here. */
export const MAX_COST = 5;

export const limitParams = z.strictObject({
  algorithm: z.enum(ALGORITHMS, {
    error: `must be one of ${ALGORITHMS.join(", ")}`,
  }),
});

export const limitQuery = z.strictObject({
  cost: wholeNumber(1, MAX_COST).default(1),
  by: z
    .enum(["sandbox", "address"], { error: 'must be "sandbox" or "address"' })
    .default("sandbox"),
  simulate: z.enum(["outage"], { error: 'must be "outage"' }).optional(),
});

export const limitView = z.strictObject({
  algorithm: z.enum(ALGORITHMS),
  policy: z.string().describe("The limit, in words"),
  allowed: z.literal(true),
  cost: z.number().int().min(1).max(MAX_COST),
  decidedBy: z
    .enum(["memory", "redis", "upstash", "this-instance", "nobody"])
    .describe(
      "Which store counted the request: the shared one, this server instance alone (the token bucket's fallback), or nobody (the fixed window failing open)",
    ),
  remaining: z.number().int().nonnegative().nullable().describe("Units left; null when uncounted"),
  resetSeconds: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe("Seconds until more units are available; null when uncounted"),
  keyedBy: z.enum(["sandbox", "address"]),
  client: z
    .string()
    .optional()
    .describe("With by=address: the client address the server trusts (TRUST_PROXY)"),
  storeDown: z
    .enum(["fail-open", "local-fallback"])
    .optional()
    .describe("Present when the shared store did not answer: what the limiter did instead"),
});

export type LimitView = z.infer<typeof limitView>;

const rateLimitHeaders = {
  "ratelimit-policy": {
    description:
      "The quota policies: your sandbox's and this limiter's, e.g. \"fixed-window\";q=5;w=10 (draft-ietf-httpapi-ratelimit-headers-10)",
    required: true,
  },
  ratelimit: {
    description:
      'What is left of each: "fixed-window";r=4;t=7 (r units left, t seconds until more); no item for a limiter that could not count',
    required: true,
  },
} as const;

export const hitLimiter = defineOperation({
  method: "GET",
  path: "/api/v1/limits/{algorithm}",
  summary:
    "Spend one unit (or ?cost= units) of a rate limiter's quota: 200 while it lasts, then 429",
  description:
    "fixed-window: 5 per 10 s clock-aligned window (fails open). sliding-window: 5 per 10 s, the previous window weighted by its overlap (fails closed). token-bucket: 5 tokens, 1 more every 2 s (falls back to a bucket on this instance). Keyed by your sandbox, or by=address by your sandbox and client address. simulate=outage makes the shared store unreachable for this request.",
  params: limitParams,
  query: limitQuery,
  responses: {
    200: {
      description: "Allowed: the decision, and what is left",
      body: limitView,
      headers: rateLimitHeaders,
    },
  },
  problems: ["validation", "limiter-unavailable"],
});

/** The rate-limiting lab, in the order the lesson teaches it. */
export const rateLimitingApi = [hitLimiter] as const;
