import { describe, expect, it } from "vitest";
import * as delayRoute from "@/app/api/v1/(http-and-rest)/http/delay/[ms]/route";
import * as echoRoute from "@/app/api/v1/(http-and-rest)/http/echo/route";
import * as statusRoute from "@/app/api/v1/(http-and-rest)/http/status/[code]/route";
import { PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import { MAX_DELAY_MS } from "@/lib/http-and-rest/contract";
import type { Echo } from "@/lib/http-and-rest/echo";
import { SANDBOX_COOKIE, SANDBOX_HEADER } from "@/lib/sandbox/keys";
import {
  type CallOptions,
  call,
  expectNoInternals,
  expectPipelineHeaders,
  expectProblem,
  newSandboxKey,
} from "../harness";

const echoRoutes = {
  GET: echoRoute.GET,
  HEAD: echoRoute.HEAD,
  POST: echoRoute.POST,
  PUT: echoRoute.PUT,
  PATCH: echoRoute.PATCH,
  DELETE: echoRoute.DELETE,
  OPTIONS: echoRoute.OPTIONS,
};
const echo = (method: keyof typeof echoRoutes, path: string, options: CallOptions = {}) =>
  call(echoRoutes[method], path, {}, { ...options, method });

const status = (code: string, options: CallOptions = {}) =>
  call(statusRoute.GET, `/api/v1/http/status/${code}`, { code }, options);

const delay = (ms: string, options: CallOptions = {}) =>
  call(delayRoute.GET, `/api/v1/http/delay/${ms}`, { ms }, options);

describe("/api/v1/http/echo", () => {
  it("echoes method, path, query (repeated names as arrays), headers and a JSON body", async () => {
    const key = await newSandboxKey();
    const res = await echo("POST", "/api/v1/http/echo?tag=a&tag=b&page=2&empty=", {
      key,
      headers: { "x-lesson": "http", accept: "application/json" },
      body: { hello: "world", n: [1, 2] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("vary")).toBe("Accept");
    expectPipelineHeaders(res);
    const body = (await res.json()) as Echo;
    expect(body).toMatchObject({
      method: "POST",
      path: "/api/v1/http/echo",
      query: { tag: ["a", "b"], page: "2", empty: "" },
      body: { hello: "world", n: [1, 2] },
      bodyBytes: JSON.stringify({ hello: "world", n: [1, 2] }).length,
    });
    expect(body.headers).toMatchObject({
      "x-lesson": "http",
      "content-type": "application/json",
      accept: "application/json",
    });
  });

  it("keeps a text body, and a JSON body that does not parse, as text", async () => {
    const key = await newSandboxKey();
    const text = await echo("PUT", "/api/v1/http/echo", {
      key,
      body: "plain words",
      headers: { "content-type": "text/plain" },
    });
    expect(await text.json()).toMatchObject({ method: "PUT", body: "plain words", bodyBytes: 11 });
    const broken = await echo("PATCH", "/api/v1/http/echo", { key, body: '{"half":' });
    expect(await broken.json()).toMatchObject({ body: '{"half":' });
    const none = await echo("DELETE", "/api/v1/http/echo", { key });
    expect(await none.json()).toMatchObject({
      method: "DELETE",
      query: {},
      body: null,
      bodyBytes: 0,
    });
  });

  it("masks the sandbox key in X-Sandbox-Key and in the cookie, in every format", async () => {
    const key = await newSandboxKey();
    const cookie = `theme=dark; ${SANDBOX_COOKIE}=${key}; lang=en`;
    for (const accept of ["application/json", "text/plain", "text/html"]) {
      const viaHeader = await echo("GET", "/api/v1/http/echo", { key, headers: { accept } });
      const viaCookie = await echo("GET", "/api/v1/http/echo", { headers: { accept, cookie } });
      expect(viaCookie.status).toBe(200);
      expect(viaCookie.headers.get("set-cookie")).toBeNull();
      for (const res of [viaHeader, viaCookie]) {
        const text = await res.text();
        expect(text, accept).not.toContain(key);
        expect(text).toContain("hidden");
      }
    }
    const json = (await (await echo("GET", "/api/v1/http/echo", { key })).json()) as Echo;
    expect(json.headers[SANDBOX_HEADER]).toMatch(/hidden/);
    const fromCookie = (await (
      await echo("GET", "/api/v1/http/echo", { headers: { cookie } })
    ).json()) as Echo;
    expect(fromCookie.headers.cookie).toMatch(
      new RegExp(`^theme=dark; ${SANDBOX_COOKIE}=\\(hidden[^;]*\\); lang=en$`),
    );
  });

  it("masks every sandbox cookie when the browser sends more than one", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    const cookie = `${SANDBOX_COOKIE}=${a}; ${SANDBOX_COOKIE}=${b}`;
    const text = await (await echo("GET", "/api/v1/http/echo", { headers: { cookie } })).text();
    expect(text).not.toContain(a);
    expect(text).not.toContain(b);
  });

  it("answers text/plain with the request as it travels", async () => {
    const key = await newSandboxKey();
    const res = await echo("POST", "/api/v1/http/echo?x=1", {
      key,
      headers: { accept: "text/plain" },
      body: { a: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await res.text();
    expect(text.startsWith("POST /api/v1/http/echo?x=1 HTTP/1.1\n")).toBe(true);
    expect(text).toMatch(/\ncontent-type: application\/json\n/);
    expect(text.endsWith('\n\n{\n  "a": 1\n}')).toBe(true);
  });

  it("answers text/html as an escaped page", async () => {
    const key = await newSandboxKey();
    const res = await echo("GET", "/api/v1/http/echo?q=<b>", {
      key,
      headers: { accept: "text/html", "x-note": "<script>alert(1)</script>" },
    });
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<h1>GET /api/v1/http/echo?q=%3Cb%3E</h1>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#60;script&#62;");
  });

  it("picks the best type Accept allows, and 406 when it allows none", async () => {
    const key = await newSandboxKey();
    const typeFor = async (accept: string) =>
      (await echo("GET", "/api/v1/http/echo", { key, headers: { accept } })).headers.get(
        "content-type",
      );
    expect(await typeFor("*/*")).toBe("application/json; charset=utf-8");
    expect(await typeFor("text/*")).toBe("text/plain; charset=utf-8");
    expect(await typeFor("text/plain;q=0.5, text/html")).toBe("text/html; charset=utf-8");
    const res = await echo("GET", "/api/v1/http/echo", { key, headers: { accept: "image/png" } });
    const problem = await expectProblem(res, "not-acceptable");
    expect(problem.detail).toContain("image/png");
  });

  it("answers HEAD with headers and no body, and OPTIONS with Allow", async () => {
    const key = await newSandboxKey();
    const head = await echo("HEAD", "/api/v1/http/echo", { key });
    expect(head.status).toBe(200);
    expect(head.headers.get("vary")).toBe("Accept");
    expect(head.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await head.text()).toBe("");
    const options = await echo("OPTIONS", "/api/v1/http/echo", { key });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  });

  it("answers 413 for a body over 16 KiB", async () => {
    const key = await newSandboxKey();
    const res = await echo("POST", "/api/v1/http/echo", { key, body: "x".repeat(16 * 1024 + 1) });
    await expectProblem(res, "content-too-large");
  });
});

describe("/api/v1/http/status/:code", () => {
  it.each([
    ["200", "OK"],
    ["201", "Created"],
    ["299", "Unknown status"],
  ])("answers %s with a JSON body naming it", async (code, reason) => {
    const key = await newSandboxKey();
    const res = await status(code, { key });
    expect(res.status).toBe(Number(code));
    expectPipelineHeaders(res);
    expect(await res.json()).toEqual({ status: Number(code), reason, meaning: expect.any(String) });
  });

  it("answers 204 with no body", async () => {
    const key = await newSandboxKey();
    const res = await status("204", { key });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it.each([
    ["418", "I'm a Teapot"],
    ["503", "Service Unavailable"],
    ["404", "Not Found"],
  ])("answers %s as an about:blank problem titled with the reason phrase", async (code, title) => {
    const key = await newSandboxKey();
    const res = await status(code, { key });
    expect(res.status).toBe(Number(code));
    expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    const text = await res.text();
    expectNoInternals(text);
    expect(JSON.parse(text)).toEqual({
      type: "about:blank",
      title,
      status: Number(code),
      detail: expect.stringContaining(`You asked for ${code}.`),
      instance: `/api/v1/http/status/${code}`,
      requestId: res.headers.get("x-request-id"),
    });
  });

  it("sends the headers that belong with a status", async () => {
    const key = await newSandboxKey();
    const header = async (code: string, name: string) =>
      (await status(code, { key })).headers.get(name);
    expect(await header("201", "location")).toBe("/api/v1/http/echo?from=201");
    expect(await header("303", "location")).toBe("/api/v1/http/echo?from=303");
    expect(await header("308", "location")).toBe("/api/v1/http/echo?from=308");
    expect(await header("206", "content-range")).toMatch(/^bytes 0-\d+\/\d+$/);
    expect(await header("416", "content-range")).toMatch(/^bytes \*\/\d+$/);
    expect(await header("401", "www-authenticate")).toMatch(/^Bearer /);
    expect(await header("407", "proxy-authenticate")).toMatch(/^Basic /);
    expect(await header("405", "allow")).toBe("GET, HEAD, OPTIONS");
    expect(await header("429", "retry-after")).toBe("60");
    expect(new Date((await header("503", "retry-after")) ?? "").getTime()).toBeGreaterThan(
      Date.now(),
    );
  });

  it.each(["199", "100", "600", "abc", "200.5"])("answers 422 for code %s", async (code) => {
    const key = await newSandboxKey();
    await expectProblem(await status(code, { key }), "validation", ["code"]);
  });

  it("answers POST with 405 and Allow, and HEAD with no body", async () => {
    const key = await newSandboxKey();
    const post = await call(
      statusRoute.POST,
      "/api/v1/http/status/200",
      { code: "200" },
      {
        key,
        method: "POST",
      },
    );
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    await expectProblem(post, "method-not-allowed");
    const head = await call(
      statusRoute.HEAD,
      "/api/v1/http/status/418",
      { code: "418" },
      {
        key,
        method: "HEAD",
      },
    );
    expect(head.status).toBe(418);
    expect(await head.text()).toBe("");
  });
});

describe("/api/v1/http/delay/:ms", () => {
  it.each(["0", "50"])("answers after %s ms with a delay span in Server-Timing", async (ms) => {
    const key = await newSandboxKey();
    const res = await delay(ms, { key });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ delayedMs: Number(ms) });
    const timing = res.headers.get("server-timing") ?? "";
    expect(timing).toMatch(new RegExp(`(^|, )delay;dur=[\\d.]+;desc="Wait ${ms} ms"`));
    expectPipelineHeaders(res);
  });

  it.each([String(MAX_DELAY_MS + 1), "-1", "1.5", "soon"])("answers 422 for %s", async (ms) => {
    const key = await newSandboxKey();
    const res = await delay(ms, { key });
    await expectProblem(res, "validation", ["ms"]);
    expect(res.headers.get("server-timing")).not.toMatch(/delay;/);
  });
});
