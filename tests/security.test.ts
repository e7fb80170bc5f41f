import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { POST as resetRoute } from "@/app/api/sandbox/reset/route";
import { POST as createSandboxRoute } from "@/app/api/sandbox/route";
import { GET as delayRoute } from "@/app/api/v1/(http-and-rest)/http/delay/[ms]/route";
import { POST as echoPost } from "@/app/api/v1/(http-and-rest)/http/echo/route";
import { getDb } from "@/db";
import { todo as todoTable } from "@/db/schema/todo-api";
import { defineOperation } from "@/lib/http/contract";
import { createRouteKit } from "@/lib/http/route";
import { problemTypeFor } from "@/lib/lessons/problem-types";
import { logger } from "@/lib/logger";
import { SANDBOX_COOKIE } from "@/lib/sandbox/keys";
import { idForKey } from "@/lib/sandbox/lookup";
import { MAX_TODOS } from "@/lib/todo-api/contract";
import {
  call,
  expectNoInternals,
  expectProblem,
  newSandboxKey,
  ORIGIN,
  randomAddress,
} from "./harness";
import { createTodo, listTodos, todo } from "./todo-api/client";

const cookieOf = (key: string) => `${SANDBOX_COOKIE}=${key}`;

/** A form another site's page could submit: text/plain, the cookie attached by the browser. */
const forged = (key: string, site: Record<string, string>) => ({
  method: "POST",
  body: "x=1",
  headers: { cookie: cookieOf(key), "content-type": "text/plain", ...site },
});

describe("cross-site requests (CSRF)", () => {
  it.each([
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
    ["an Origin of another site (older browsers)", { origin: "https://evil.example" }],
    ["Origin: null (a sandboxed frame)", { origin: "null" }],
  ])("cannot reset a sandbox with its cookie from %s", async (_, site) => {
    const key = await newSandboxKey();
    await createTodo(key, { title: "Keep me" });
    const res = await call(resetRoute, "/api/sandbox/reset", {}, forged(key, site));
    await expectProblem(res, "forbidden");
    const page = await (await listTodos(key)).json();
    expect(page.pagination.total).toBe(4);
  });

  it("cannot change lesson data with the cookie from another site", async () => {
    const key = await newSandboxKey();
    const res = await todo("DELETE", 1, {
      headers: { cookie: cookieOf(key), "sec-fetch-site": "cross-site" },
    });
    await expectProblem(res, "forbidden");
    expect((await todo("GET", 1, { key })).status).toBe(200);
  });

  it("lets the site itself, and any client with the key in the header, make changes", async () => {
    const key = await newSandboxKey();
    const sameOrigin = await call(
      resetRoute,
      "/api/sandbox/reset",
      {},
      {
        method: "POST",
        headers: { cookie: cookieOf(key), "sec-fetch-site": "same-origin", origin: ORIGIN },
      },
    );
    expect(sameOrigin.status).toBe(200);
    const withHeader = await createTodo(
      key,
      { title: "From another origin, with the key" },
      {
        headers: { origin: "https://my-frontend.example", "sec-fetch-site": "cross-site" },
      },
    );
    expect(withHeader.status).toBe(201);
    expect(withHeader.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("never creates or replaces a sandbox for another site's page", async () => {
    const key = await newSandboxKey();
    const sites: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
    ];
    for (const site of sites) {
      const withCookie = await call(createSandboxRoute, "/api/sandbox", {}, forged(key, site));
      expect(withCookie.headers.get("set-cookie")).toBeNull();
      await expectProblem(withCookie, "forbidden");
      const withoutCookie = await call(
        createSandboxRoute,
        "/api/sandbox",
        {},
        {
          method: "POST",
          headers: { ...site, "x-forwarded-for": randomAddress() },
        },
      );
      expect(withoutCookie.headers.get("set-cookie")).toBeNull();
      await expectProblem(withoutCookie, "forbidden");
    }
    expect(await idForKey(key)).toBeDefined();
  });
});

describe("every request counts", () => {
  it("counts failing requests against the sandbox's rate limit before validating them", async () => {
    const key = await newSandboxKey();
    const responses = [
      await listTodos(key, { limit: "0" }),
      await todo("GET", 99, { key }),
      await todo("POST", 1, { key }),
      await createTodo(key, "{", { headers: { "content-type": "application/json" } }),
      await listTodos(key),
    ];
    expect(responses.map((r) => r.status)).toEqual([422, 404, 405, 400, 200]);
    const remaining = responses.map((r) =>
      Number(/;r=(\d+)/.exec(r.headers.get("ratelimit") ?? "")?.[1]),
    );
    expect(remaining.every((n, i) => i === 0 || n === (remaining[i - 1] ?? 0) - 1)).toBe(true);
  });
});

describe("what a query string or body cannot do", () => {
  it.each(["__proto__", "constructor", "prototype"])(
    "refuses ?%s=1 like any unknown parameter",
    async (name) => {
      const key = await newSandboxKey();
      await expectProblem(await listTodos(key, { [name]: "1" }), "validation", [name]);
    },
  );

  it("refuses a __proto__ field in a JSON body", async () => {
    const key = await newSandboxKey();
    const res = await createTodo(key, '{"title":"x","__proto__":{"admin":true}}');
    await expectProblem(res, "validation", ["__proto__"]);
  });

  it(`caps a sandbox at ${MAX_TODOS} todos with a 409 that says what to do`, async () => {
    const key = await newSandboxKey();
    const sandboxId = (await idForKey(key)) as string;
    const db = await getDb();
    await db.insert(todoTable).values(
      Array.from({ length: MAX_TODOS - 3 }, (_, i) => ({
        id: 100 + i,
        sandboxId,
        title: `Bulk ${i}`,
      })),
    );
    const full = await createTodo(key, { title: "One too many" });
    const problem = await expectProblem(full, "conflict");
    expect(problem.detail).toMatch(/Delete some, or reset/);
    await todo("DELETE", 1, { key });
    expect((await createTodo(key, { title: "Room again" })).status).toBe(201);
  });
});

describe("clients that go away", () => {
  it("treats an aborted wait as the client leaving, not as a server error", async () => {
    const key = await newSandboxKey();
    const error = vi.spyOn(logger, "error");
    const controller = new AbortController();
    const req = new NextRequest(new URL("/api/v1/http/delay/3000", ORIGIN), {
      headers: { "x-sandbox-key": key },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const res = await delayRoute(req, { params: Promise.resolve({ ms: "3000" }) });
    expect(res.status).toBe(499);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it("answers a body that breaks off half-way with 400, not 500", async () => {
    const key = await newSandboxKey();
    const error = vi.spyOn(logger, "error");
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"title":"cut'));
        controller.error(new Error("socket hang up"));
      },
    });
    const req = new NextRequest(new URL("/api/v1/http/echo", ORIGIN), {
      method: "POST",
      headers: {
        host: new URL(ORIGIN).host,
        "x-sandbox-key": key,
        "content-type": "application/json",
      },
      body,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await echoPost(req, { params: Promise.resolve({}) });
    await expectProblem(res, "malformed-request");
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});

describe("an unexpected error", () => {
  it("answers a generic 500 problem quoting the request id, and logs the error with it", async () => {
    const kit = createRouteKit<undefined>({
      identify: async () => undefined,
      problemType: (kind, req) => problemTypeFor(kind, new URL(req.url).origin),
    });
    const boom = defineOperation({ method: "GET", path: "/boom", summary: "fails", responses: {} });
    const route = kit.route(boom, {
      run: () => {
        throw new Error('relation "secret_table" does not exist: select * from secret_table');
      },
      respond: () => new Response("never"),
    });
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const res = await route(new NextRequest(new URL("/boom", ORIGIN)), {
      params: Promise.resolve({}),
    });
    const text = await res.clone().text();
    expectNoInternals(text);
    expect(text).not.toContain("secret_table");
    const problem = await expectProblem(res, "internal");
    expect(problem.detail).toContain(problem.requestId);
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: problem.requestId, err: expect.any(Error) }),
      "unhandled",
    );
    error.mockRestore();
  });
});
