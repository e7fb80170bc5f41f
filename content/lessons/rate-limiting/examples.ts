import { defineExamples } from "@/content/examples";

const PROBLEM = { "content-type": "application/problem+json" } as const;
const path = (algorithm: string) => `/api/v1/limits/${algorithm}`;

/**
 * Every request the rate-limiting lesson shows, in its order, on a fresh sandbox. A limit is
 * reached in one request by spending the whole quota at once (`cost=5`), so the replay never
 * depends on how fast it sends; the page asks the learner to press Send until the 429 instead.
 * Each limiter counts per sandbox, so nobody else's requests change these answers.
 */
export const examples = defineExamples({
  tryIt: {
    title: "One request to the fixed window",
    method: "GET",
    path: path("fixed-window"),
    window: 10,
    expect: {
      status: 200,
      headers: { "ratelimit-policy": '"fixed-window";q=5;w=10', ratelimit: '"fixed-window";r=4;' },
      body: { algorithm: "fixed-window", allowed: true, remaining: 4, keyedBy: "sandbox" },
    },
  },
  fixedRefused: {
    title: "A request that costs 5, with 4 left",
    method: "GET",
    path: path("fixed-window"),
    query: { cost: "5" },
    expect: {
      status: 429,
      headers: { ...PROBLEM, "retry-after": true, ratelimit: '"fixed-window";r=0;' },
      body: { status: 429, title: "Too many requests" },
    },
  },
  slidingSpend: {
    title: "Spend the sliding window's 5 at once",
    method: "GET",
    path: path("sliding-window"),
    query: { cost: "5" },
    expect: { status: 200, body: { algorithm: "sliding-window", remaining: 0, cost: 5 } },
  },
  slidingRefused: {
    title: "One more",
    method: "GET",
    path: path("sliding-window"),
    expect: {
      status: 429,
      headers: { ...PROBLEM, "retry-after": true, ratelimit: '"sliding-window";r=0;' },
    },
  },
  bucketSpend: {
    title: "Empty the bucket",
    method: "GET",
    path: path("token-bucket"),
    query: { cost: "5" },
    expect: {
      status: 200,
      headers: { ratelimit: '"token-bucket";r=0;t=2' },
      body: { algorithm: "token-bucket", remaining: 0, resetSeconds: 2 },
    },
  },
  bucketRefused: {
    title: "One more, before the next token",
    method: "GET",
    path: path("token-bucket"),
    expect: { status: 429, headers: { ...PROBLEM, "retry-after": "2" } },
  },
  byAddress: {
    title: "Keyed by your address, with a made-up X-Forwarded-For",
    method: "GET",
    path: path("fixed-window"),
    query: { by: "address" },
    headers: { "X-Forwarded-For": "203.0.113.7" },
    expect: { status: 200, body: { keyedBy: "address", remaining: 4 } },
  },
  outageFixed: {
    title: "Fixed window, store down: fails open",
    method: "GET",
    path: path("fixed-window"),
    query: { simulate: "outage" },
    expect: {
      status: 200,
      headers: { "ratelimit-policy": '"fixed-window";q=5;w=10' },
      body: { decidedBy: "nobody", remaining: null, storeDown: "fail-open" },
    },
  },
  outageSliding: {
    title: "Sliding window, store down: fails closed",
    method: "GET",
    path: path("sliding-window"),
    query: { simulate: "outage" },
    expect: {
      status: 503,
      headers: { ...PROBLEM, "retry-after": true },
      body: { status: 503, title: "The rate limiter cannot decide right now" },
    },
  },
  outageBucket: {
    title: "Token bucket, store down: this instance decides",
    method: "GET",
    path: path("token-bucket"),
    query: { simulate: "outage", by: "address" },
    expect: {
      status: 200,
      body: { decidedBy: "this-instance", storeDown: "local-fallback", remaining: 4 },
    },
  },
});
