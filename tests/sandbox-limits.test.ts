import { describe, expect, it } from "vitest";
import { GET as showSandbox } from "@/app/api/sandbox/route";
import { GET as statusCode } from "@/app/api/v1/(http-and-rest)/http/status/[code]/route";
import * as todos from "@/app/api/v1/(todo-api)/todos/route";
import {
  DELETE as deleteUnknown,
  GET as getUnknown,
  POST as postUnknown,
} from "@/app/api/v1/[...path]/route";
import { env } from "@/lib/env";
import { call, expectProblem, newSandboxKey } from "./harness";

describe("per-sandbox request limit", () => {
  it("answers 429 with Retry-After past the limit, counts down in RateLimit headers, and spares other sandboxes", async () => {
    const limit = env().SANDBOX_REQUEST_LIMIT;
    const key = await newSandboxKey(); // creating it is not a request of the sandbox's
    const remaining: number[] = [];
    for (let i = 1; i <= limit; i++) {
      const res = await call(statusCode, "/api/v1/http/status/204", { code: "204" }, { key });
      expect(res.status).toBe(204);
      expect(res.headers.get("ratelimit-limit")).toBe(String(limit));
      remaining.push(Number(res.headers.get("ratelimit-remaining")));
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
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("server-timing")).toContain("ratelimit;dur=");

    const other = await newSandboxKey();
    expect((await call(todos.GET, "/api/v1/todos", {}, { key: other })).status).toBe(200);
  });
});

describe("authentication and unknown paths", () => {
  it("says how to authenticate when the sandbox key is unknown", async () => {
    const res = await call(todos.GET, "/api/v1/todos", {}, { key: `sbx_${"Z".repeat(43)}` });
    await expectProblem(res, "unauthorized");
    expect(res.headers.get("www-authenticate")).toBe('SandboxKey header="x-sandbox-key"');
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
