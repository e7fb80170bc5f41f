import type { Timing } from "@/lib/http/timing";
import { type LimitResult, rateLimitHeaders } from "@/lib/rate-limit";
import { callStore, memoryStore, type Store, sharedStore } from "@/lib/rate-limit/store";
import type { Algorithm, LimitView } from "./contract";
import { outageStore, POLICIES, ratelimitFor } from "./limiters";

export type HitInput = {
  algorithm: Algorithm;
  sandboxId: string;
  cost: number;
  by: "sandbox" | "address";
  /** The client's limit key (lib/http/client.ts: the trusted address, or its /64). */
  address: string;
  simulate?: "outage";
  timing: Timing;
};

/** What the limiter decided, with this limiter's RateLimit fields (the sandbox's come apart). */
export type Decision =
  | { outcome: "allowed"; view: LimitView; fields: Record<string, string> }
  | { outcome: "refused"; detail: string; fields: Record<string, string> }
  | { outcome: "unavailable"; retryAfter: number; fields: Record<string, string> };

const NAMES: Record<Algorithm, string> = {
  "fixed-window": "Fixed window",
  "sliding-window": "Sliding window",
  "token-bucket": "Token bucket",
};

/** The span the console draws for the decision, timed over the whole of it. */
async function decisionSpan<T extends { desc: string }>(
  timing: Timing,
  decide: () => Promise<T>,
): Promise<T> {
  const start = timing.elapsed();
  const decision = await decide();
  const round = (ms: number) => Math.round(ms * 100) / 100;
  timing.spans.push({
    name: "limit",
    desc: decision.desc,
    start: round(start),
    dur: round(timing.elapsed() - start),
  });
  return decision;
}

// #region count
/** Counts `cost` units against the limiter on `store`, within the store's budget and breaker. */
function count(store: Store, input: HitInput, identifier: string) {
  const ratelimit = ratelimitFor(input.algorithm, store);
  return callStore(store, async (): Promise<LimitResult> => {
    if (input.algorithm === "sliding-window" && input.cost > 1) {
      // The library's sliding window admits a weighted request when one unit is left, then
      // counts all of it; so a request that does not fit whole is refused here, uncounted.
      const left = await ratelimit.getRemaining(identifier);
      if (left.remaining < input.cost) return { ...left, success: false };
    }
    const { success, limit, remaining, reset } = await ratelimit.limit(identifier, {
      rate: input.cost,
    });
    return { success, limit, remaining, reset };
  });
}
// #endregion

/** One request to a lesson limiter: counted, and allowed, refused, or undecidable. */
export async function hitLimiter(input: HitInput): Promise<Decision> {
  const { algorithm, cost, by } = input;
  const policy = POLICIES[algorithm];
  const name = NAMES[algorithm];
  const label = name.toLowerCase();
  const fieldPolicy = { name: algorithm, windowSeconds: policy.windowSeconds };
  const identifier = by === "address" ? `${input.sandboxId}:${input.address}` : input.sandboxId;
  const shared = input.simulate ? outageStore() : await sharedStore();
  // What every answer of this limiter says about itself, whoever decided.
  const about = {
    algorithm,
    policy: policy.words,
    allowed: true as const,
    cost,
    keyedBy: by,
    ...(by === "address" ? { client: input.address } : {}),
  };

  const counted = (
    result: LimitResult,
    decidedBy: LimitView["decidedBy"],
    storeDown?: "local-fallback",
  ) => {
    const fields = rateLimitHeaders(result, fieldPolicy);
    const resetSeconds = Number(/;t=(\d+)$/.exec(fields.ratelimit ?? "")?.[1] ?? 0);
    const left = `${result.remaining} of ${result.limit} left`;
    if (!result.success) {
      const detail =
        algorithm === "token-bucket"
          ? `The bucket holds fewer than the ${cost} token(s) this request costs. The next token comes in ${resetSeconds} s: retry then (Retry-After).`
          : `The ${name.toLowerCase()} allows ${policy.limit} per ${policy.windowSeconds} s and has ${result.remaining} left, fewer than this request's cost of ${cost}. Retry in ${resetSeconds} s (Retry-After).`;
      return {
        outcome: "refused" as const,
        detail,
        fields,
        desc: `refused, retry in ${resetSeconds} s, ${left} (${label}, ${decidedBy})`,
      };
    }
    const view: LimitView = {
      ...about,
      decidedBy,
      remaining: result.remaining,
      resetSeconds,
      ...(storeDown ? { storeDown } : {}),
    };
    return {
      outcome: "allowed" as const,
      view,
      fields,
      desc: `allowed, ${left} (${label}, ${decidedBy})`,
    };
  };

  const { desc: _, ...decision } = await decisionSpan(input.timing, async () => {
    const answer = await count(shared, input, identifier);
    if (answer.ok)
      return counted(answer.value, shared.kind === "simulated-outage" ? "nobody" : shared.kind);
    const down = `(${label}, store ${answer.why})`;
    // Only the policy is known: what is left of it is not.
    const policyOnly = {
      "ratelimit-policy": `"${algorithm}";q=${policy.limit};w=${policy.windowSeconds}`,
    };
    // #region when-store-down
    switch (policy.whenStoreDown) {
      case "open": {
        // Through, uncounted: nothing is known of what is left.
        const view: LimitView = {
          ...about,
          decidedBy: "nobody",
          remaining: null,
          resetSeconds: null,
          storeDown: "fail-open",
        };
        const desc = `store down: allowed uncounted, fails open ${down}`;
        return { outcome: "allowed" as const, view, fields: policyOnly, desc };
      }
      case "closed": {
        // Refused with 503 until the breaker lets a probe through again.
        const retryAfter = Math.max(1, Math.ceil(answer.retryInMs / 1000));
        const desc = `store down: refused, fails closed ${down}`;
        return { outcome: "unavailable" as const, retryAfter, fields: policyOnly, desc };
      }
      case "local": {
        // The same algorithm, counted in this instance's memory.
        const local = await count(await memoryStore(), input, identifier);
        if (!local.ok) throw local.error;
        const result = counted(local.value, "this-instance", "local-fallback");
        return { ...result, desc: `store down, counted here: ${result.desc}` };
      }
    }
    // #endregion
  });
  return decision;
}
