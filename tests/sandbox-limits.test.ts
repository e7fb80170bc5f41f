import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DELETE as deleteUnknown,
  GET as getUnknown,
  POST as postUnknown,
} from "@/app/api/[...path]/route";
import * as echo from "@/app/api/v1/(http-and-rest)/http/echo/route";
import * as status from "@/app/api/v1/(http-and-rest)/http/status/[code]/route";
import * as todos from "@/app/api/v1/(todo-api)/todos/route";
import { env } from "@/lib/env";
import { call, expectProblem, newSandboxKey } from "./harness";

describe("per-sandbox request limit", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("answers 429 with Retry-After past the limit, counts down in RateLimit headers, and spares other sandboxes", async () => {
    // The limit is a sliding window: once a minute boundary passes, part of the earlier minute's
    // count is forgiven. A whole window of requests one at a time can cross one on a busy machine
    // (seen in CI: the last three answers said 6, 5, 4 left), so the clock the limiter reads stands
    // still, a second into a fresh window. Only Date is faked; timers and I/O run as usual.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.floor(Date.now() / 60_000) * 60_000 + 61_000);
    const limit = env().SANDBOX_REQUEST_LIMIT;
    const key = await newSandboxKey(); // creating it is not a request of the sandbox's
    const remaining: number[] = [];
    for (let i = 1; i <= limit; i++) {
      const res = await call(status.GET, "/api/v1/http/status/204", { code: "204" }, { key });
      expect(res.status).toBe(204);
      // draft-ietf-httpapi-ratelimit-headers-10: the policy, then what is left of it.
      expect(res.headers.get("ratelimit-policy")).toBe(`"sandbox";q=${limit};w=60`);
      const service = /^"sandbox";r=(\d+);t=(\d+)$/.exec(res.headers.get("ratelimit") ?? "");
      expect(service, res.headers.get("ratelimit") ?? "no RateLimit header").not.toBeNull();
      expect(Number(service?.[2])).toBeLessThanOrEqual(60);
      remaining.push(Number(service?.[1]));
    }
    expect(remaining.slice(-3)).toEqual([2, 1, 0]);
    expect(remaining).toEqual([...remaining].sort((a, b) => b - a));

    const refused = await call(
      todos.POST,
      "/api/v1/todos",
      {},
      {
        method: "POST",
        key,
        body: { title: "one too many" },
      },
    );
    await expectProblem(refused, "rate-limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    // Retry-After never points earlier than the reset the RateLimit field announces.
    const t = Number(/;t=(\d+)$/.exec(refused.headers.get("ratelimit") ?? "")?.[1]);
    expect(refused.headers.get("ratelimit")).toMatch(/^"sandbox";r=0;t=\d+$/);
    expect(retryAfter).toBeGreaterThanOrEqual(t);
    expect(refused.headers.get("server-timing")).toContain("ratelimit;dur=");

    const other = await newSandboxKey();
    expect((await call(todos.GET, "/api/v1/todos", {}, { key: other })).status).toBe(200);
  }, 90_000); // a whole window of requests, one at a time: room for a busy machine
});

describe("rate-limit headers on every answer to a known key", () => {
  it("come with errors too: the limit is counted right after the key, before validation", async () => {
    const key = await newSandboxKey();
    const answers = {
      400: await call(todos.POST, "/api/v1/todos", {}, { method: "POST", key, body: "{" }),
      405: await call(
        status.POST,
        "/api/v1/http/status/200",
        { code: "200" },
        { method: "POST", key },
      ),
      406: await call(echo.GET, "/api/v1/http/echo", {}, { key, headers: { accept: "image/png" } }),
      415: await call(
        todos.POST,
        "/api/v1/todos",
        {},
        {
          method: "POST",
          key,
          body: "title=x",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
      ),
      422: await call(status.GET, "/api/v1/http/status/abc", { code: "abc" }, { key }),
    };
    for (const [code, res] of Object.entries(answers)) {
      expect(res.status, code).toBe(Number(code));
      expect(res.headers.get("ratelimit-policy"), code).toMatch(/^"sandbox";q=\d+;w=60$/);
      expect(res.headers.get("ratelimit"), code).toMatch(/^"sandbox";r=\d+;t=\d+$/);
    }
  });
});

describe("authentication and unknown paths", () => {
  it("says how to authenticate when the sandbox key is unknown", async () => {
    const res = await call(todos.GET, "/api/v1/todos", {}, { key: `sbx_${"Z".repeat(43)}` });
    await expectProblem(res, "unauthorized");
    expect(res.headers.get("www-authenticate")).toBe('SandboxKey header="x-sandbox-key"');
    // No sandbox, so no budget to report.
    expect(res.headers.get("ratelimit")).toBeNull();
    expect(res.headers.get("ratelimit-policy")).toBeNull();
  });

  it("answers an unknown /api/v1 path with a problem+json 404 for any method", async () => {
    for (const [method, route] of [
      ["GET", getUnknown],
      ["POST", postUnknown],
      ["DELETE", deleteUnknown],
    ] as const) {
      const res = await call(route, "/api/v1/todo", { path: ["todo"] }, { method });
      await expectProblem(res, "not-found");
    }
  });
});
