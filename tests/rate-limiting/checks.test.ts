import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { findLesson } from "@/content/lessons";
import { checks } from "@/content/lessons/rate-limiting/checks";
import type { RequestLogEntry } from "@/db/schema/sandboxes";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call, newSandboxKey } from "../harness";
import { hit } from "./client";

async function failing(key: string) {
  const res = await call(
    checkRoute,
    "/api/progress/rate-limiting/check",
    { slug: "rate-limiting" },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  return (await expectConforms(checkWork, res)).checks.filter((c) => !c.passed).map((c) => c.id);
}

const honored = checks.find((c) => c.id === "honored-retry-after");

/** A request-log entry, as the log keeps it, `at` ms after an arbitrary start. */
function entry(path: string, status: number, at: number, desc?: string): RequestLogEntry {
  return {
    id: at,
    sandboxId: "s",
    requestId: `r${at}`,
    method: "GET",
    path,
    status,
    durationMs: 1,
    spans: desc ? [{ name: "limit", start: 0, dur: 1, desc }] : [],
    requestHeaders: [],
    createdAt: new Date(1_700_000_000_000 + at),
  };
}

describe("the rate-limiting lesson's checks", () => {
  it("all fail on a fresh sandbox", async () => {
    const key = await newSandboxKey();
    expect(await failing(key)).toEqual(findLesson("rate-limiting")?.checks.map((c) => c.id));
  });

  it("pass for a 429 from each limiter and for failing closed", async () => {
    const key = await newSandboxKey();
    for (const algorithm of ["fixed-window", "sliding-window", "token-bucket"] as const) {
      await hit(key, algorithm, { query: { cost: "5" } });
      await hit(key, algorithm, { query: { cost: "5" } });
    }
    await hit(key, "sliding-window", { query: { simulate: "outage" } });
    expect(await failing(key)).toEqual(["honored-retry-after"]);
  });

  it("want the wait Retry-After asked for, with nothing sent to that limiter meanwhile", async () => {
    const fixed = "/api/v1/limits/fixed-window";
    const refused = entry(
      fixed,
      429,
      0,
      "refused, retry in 7 s, 0 of 5 left (fixed window, memory)",
    );
    const test = (log: RequestLogEntry[]) =>
      honored?.test({ sandboxId: "s", log: [...log].reverse(), db: undefined as never });
    expect(await test([refused, entry(fixed, 200, 7000)])).toBe(true);
    // Rounded up to whole seconds, so a second early still waited long enough.
    expect(await test([refused, entry(fixed, 200, 6000)])).toBe(true);
    expect(await test([refused, entry(fixed, 200, 5000)])).toBe(false);
    // Hammering in between is not honoring it, even if a later request passes.
    expect(await test([refused, entry(fixed, 429, 1000), entry(fixed, 200, 9000)])).toBe(false);
    // Other endpoints meanwhile are fine.
    const other = entry("/api/v1/todos", 200, 1000);
    expect(await test([refused, other, entry(fixed, 200, 7000)])).toBe(true);
  });
});
