import { describe, expect, it } from "vitest";
import { hitLimiter } from "@/lib/rate-limiting/contract";
import { POLICIES } from "@/lib/rate-limiting/limiters";
import { expectConforms } from "../contract";
import { expectProblem, newSandboxKey } from "../harness";
import { awayFromWindowEdge } from "../support/replay-examples";
import { hit, itemOf } from "./client";

describe.each(["fixed-window", "sliding-window"] as const)("the %s endpoint", (algorithm) => {
  it("allows exactly 5 in a window, counting down in RateLimit, then answers 429 with Retry-After", async () => {
    const key = await newSandboxKey();
    await awayFromWindowEdge(10);
    for (let i = 1; i <= 5; i++) {
      const res = await hit(key, algorithm);
      expect(res.status, `request ${i}`).toBe(200);
      const body = await expectConforms(hitLimiter, res);
      expect(body).toMatchObject({ algorithm, allowed: true, remaining: 5 - i, cost: 1 });
      expect(res.headers.get("ratelimit-policy")).toBe(
        `"sandbox";q=600;w=60, "${algorithm}";q=5;w=10`,
      );
      expect(itemOf(res.headers.get("ratelimit"), algorithm)?.r).toBe(5 - i);
      expect(itemOf(res.headers.get("ratelimit"), "sandbox")).toBeDefined();
    }
    const refused = await hit(key, algorithm);
    const problem = await expectProblem(refused, "rate-limited");
    expect(problem.detail).toContain(`Retry in ${refused.headers.get("retry-after")} s`);
    const retryAfter = Number(refused.headers.get("retry-after"));
    const item = itemOf(refused.headers.get("ratelimit"), algorithm);
    expect(item?.r).toBe(0);
    // Retry-After is the reset the RateLimit item announces, within the 10 s window.
    expect(retryAfter).toBe(item?.t);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    // The decision is a span of its own, beside the sandbox's.
    const timing = refused.headers.get("server-timing") ?? "";
    expect(timing).toMatch(/ratelimit;dur=/);
    expect(timing).toMatch(
      new RegExp(
        `limit;dur=[\\d.]+;desc="refused, retry in \\d+ s, 0 of 5 left \\(${algorithm.replace("-", " ")}, `,
      ),
    );
  });
});

describe("the token-bucket endpoint", () => {
  it("allows a burst of exactly 5, then refuses until the next token, 2 s later", async () => {
    const key = await newSandboxKey();
    for (let i = 1; i <= 5; i++) {
      const res = await hit(key, "token-bucket");
      expect(res.status, `request ${i}`).toBe(200);
      expect(await res.json()).toMatchObject({ remaining: 5 - i, resetSeconds: 2 });
    }
    const refused = await hit(key, "token-bucket");
    await expectProblem(refused, "rate-limited");
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(itemOf(refused.headers.get("ratelimit"), "token-bucket")).toEqual({ r: 0, t: 2 });
  });

  it("takes a request's cost in tokens, and refuses a cost larger than what is left", async () => {
    const key = await newSandboxKey();
    const three = await hit(key, "token-bucket", { query: { cost: "3" } });
    expect(await three.json()).toMatchObject({ cost: 3, remaining: 2 });
    await expectProblem(await hit(key, "token-bucket", { query: { cost: "3" } }), "rate-limited");
    // The refused request took nothing: the 2 tokens are still there.
    const two = await hit(key, "token-bucket", { query: { cost: "2" } });
    expect(await two.json()).toMatchObject({ remaining: 0 });
  });
});

describe("weighted requests on the sliding window", () => {
  it("refuses a cost that does not fit whole, without counting it", async () => {
    const key = await newSandboxKey();
    await awayFromWindowEdge(10);
    expect((await hit(key, "sliding-window", { query: { cost: "3" } })).status).toBe(200);
    await expectProblem(await hit(key, "sliding-window", { query: { cost: "3" } }), "rate-limited");
    const rest = await hit(key, "sliding-window", { query: { cost: "2" } });
    expect(await rest.json()).toMatchObject({ remaining: 0 });
  });
});

describe("keys", () => {
  it("count each sandbox apart: one learner's hammering never limits another", async () => {
    const [mine, theirs] = [await newSandboxKey(), await newSandboxKey()];
    expect((await hit(mine, "token-bucket", { query: { cost: "5" } })).status).toBe(200);
    expect((await hit(mine, "token-bucket")).status).toBe(429);
    expect(await (await hit(theirs, "token-bucket")).json()).toMatchObject({ remaining: 4 });
  });

  it("with by=address count your sandbox and the address the trusted proxy names", async () => {
    // These tests play one trusted proxy (TRUST_PROXY=1): its X-Forwarded-For entry is believed.
    const key = await newSandboxKey();
    const from = (address: string) => ({
      query: { by: "address", cost: "5" },
      headers: { "x-forwarded-for": address },
    });
    const first = await hit(key, "token-bucket", from("198.51.100.1"));
    expect(await first.json()).toMatchObject({ keyedBy: "address", client: "198.51.100.1" });
    expect((await hit(key, "token-bucket", from("198.51.100.1"))).status).toBe(429);
    expect((await hit(key, "token-bucket", from("198.51.100.2"))).status).toBe(200);
    // A client's own entries, left of the one our proxy appended, prove nothing.
    const spoofed = await hit(key, "token-bucket", from("203.0.113.9, 198.51.100.1"));
    expect(spoofed.status).toBe(429);
    // The sandbox's own bucket was never touched.
    expect(await (await hit(key, "token-bucket")).json()).toMatchObject({ remaining: 4 });
  });
});

describe("validation", () => {
  it("names an unknown algorithm, a cost out of range and an unknown parameter", async () => {
    const key = await newSandboxKey();
    const { GET } = await import("@/app/api/v1/(rate-limiting)/limits/[algorithm]/route");
    const { call } = await import("../harness");
    const leaky = await call(
      GET,
      "/api/v1/limits/leaky-bucket",
      { algorithm: "leaky-bucket" },
      { key },
    );
    const problem = await expectProblem(leaky, "validation");
    expect(problem.errors).toEqual([
      {
        in: "path",
        field: "algorithm",
        message: "must be one of fixed-window, sliding-window, token-bucket",
      },
    ]);
    const costly = await expectProblem(
      await hit(key, "token-bucket", { query: { cost: "6", burst: "1" } }),
      "validation",
    );
    expect(costly.errors?.map((e) => e.field).sort()).toEqual(["burst", "cost"]);
  });

  it("all three policies are as the lesson states them", () => {
    for (const policy of Object.values(POLICIES)) {
      expect(policy).toMatchObject({ limit: 5, windowSeconds: 10 });
    }
    expect(Object.values(POLICIES).map((p) => p.whenStoreDown)).toEqual([
      "open",
      "closed",
      "local",
    ]);
  });
});
