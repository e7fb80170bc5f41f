import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as listTodos } from "@/app/api/v1/(todo-api)/todos/route";
import { edgeProblem } from "@/lib/http/edge-problem";
import { isCrossOrigin, requestOrigin } from "@/lib/http/origin";
import { siteOrigin } from "@/lib/http/site-origin";
import { problemDoc, problemTypeFor } from "@/lib/lessons/problem-types";
import { call } from "./harness";

/** One server reached under two names, as a learner's browser may. */
const HOSTS = ["127.0.0.1:3917", "localhost:3917"] as const;

const headersOf = (headers: Record<string, string>) => (name: string) => headers[name] ?? null;

/** Every header a client might invent to move our links to another site. */
const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

describe("siteOrigin, TRUST_PROXY=none: the Host the client wrote", () => {
  it.each(HOSTS)("names %s as it was reached", (host) => {
    expect(siteOrigin(headersOf({ host }), "none", false)).toBe(`http://${host}`);
  });

  it("ignores X-Forwarded-Host and X-Forwarded-Proto sent by the client", () => {
    expect(siteOrigin(headersOf({ host: HOSTS[0], ...forged }), "none", false)).toBe(
      `http://${HOSTS[0]}`,
    );
  });

  it("says https only when the socket was TLS", () => {
    expect(siteOrigin(headersOf({ host: "bmj.example" }), "none", true)).toBe(
      "https://bmj.example",
    );
  });

  it("keeps a bracketed IPv6 address and lower-cases the name", () => {
    expect(siteOrigin(headersOf({ host: "[::1]:3000" }), "none", false)).toBe("http://[::1]:3000");
    expect(siteOrigin(headersOf({ host: "BMJ.Example" }), "none", false)).toBe(
      "http://bmj.example",
    );
  });

  it.each(["", "evil.example/path", "evil.example@bmj.example", "bmj.example:3000:1", "a b"])(
    "names no origin for the Host %j",
    (host) => {
      expect(siteOrigin(headersOf({ host }), "none", false)).toBeUndefined();
    },
  );
});

describe("siteOrigin behind trusted proxies", () => {
  it("vercel: the host and scheme Vercel's edge wrote", () => {
    const headers = headersOf({
      host: "internal.vercel.app",
      "x-forwarded-host": "bmj.example",
      "x-forwarded-proto": "https",
    });
    expect(siteOrigin(headers, "vercel", false)).toBe("https://bmj.example");
  });

  it("one proxy: the entries it appended, whatever the client put before them", () => {
    const headers = headersOf({
      host: "app:3000",
      "x-forwarded-host": "evil.example, bmj.example",
      "x-forwarded-proto": "http, https",
    });
    expect(siteOrigin(headers, 1, false)).toBe("https://bmj.example");
  });

  it("two proxies: the entry the outer one wrote", () => {
    const headers = headersOf({
      host: "app:3000",
      "x-forwarded-host": "bmj.example, lb.internal",
      "x-forwarded-proto": "https, http",
    });
    expect(siteOrigin(headers, 2, false)).toBe("https://bmj.example");
  });

  it("a proxy that passes the Host on and sets no X-Forwarded-Host: the Host", () => {
    expect(siteOrigin(headersOf({ host: "bmj.example" }), 1, false)).toBe("http://bmj.example");
  });

  it("a forwarded host that is not a host falls back to the Host", () => {
    const headers = headersOf({ host: "bmj.example", "x-forwarded-host": "evil/x" });
    expect(siteOrigin(headers, 1, false)).toBe("http://bmj.example");
  });
});

describe("problem types follow the host the request reached", () => {
  it.each(HOSTS)("a lesson API answer reached as %s links to %s", async (host) => {
    const res = await listTodos(
      new NextRequest(`http://${host}/api/v1/todos`, { headers: { host } }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.type).toBe(`http://${host}${problemDoc("unauthorized")}`);
  });

  it("a proxy in front (TRUST_PROXY=1 in these tests) names the public host", async () => {
    const res = await call(
      listTodos,
      "/api/v1/todos",
      {},
      {
        headers: {
          host: "app:3000",
          "x-forwarded-host": "bmj.example",
          "x-forwarded-proto": "https",
        },
      },
    );
    expect((await res.json()).type).toBe(`https://bmj.example${problemDoc("unauthorized")}`);
  });

  it("with no usable host, the type is a relative link, never a name we made up", async () => {
    const req = new NextRequest("http://localhost:3000/api/v1/todos", {
      headers: { host: "not a host" },
    });
    expect(requestOrigin(req)).toBeUndefined();
    const res = await listTodos(req, { params: Promise.resolve({}) });
    expect((await res.json()).type).toBe(problemDoc("unauthorized"));
    expect(problemTypeFor("unauthorized", undefined)).toBe(problemDoc("unauthorized"));
  });

  it("answers turned away before the routes link the same way", () => {
    const at = { instance: "/api/x", requestId: "r1", detail: "d" };
    for (const host of HOSTS) {
      const { body } = edgeProblem("malformed-url", { ...at, origin: `http://${host}` });
      expect(JSON.parse(body).type).toBe(`http://${host}/learn/http-and-rest#400-bad-request`);
    }
    const { body } = edgeProblem("malformed-url", { ...at, origin: undefined });
    expect(JSON.parse(body).type).toBe("/learn/http-and-rest#400-bad-request");
  });
});

describe("requestOrigin and isCrossOrigin agree on who we are", () => {
  it("a page on the public name behind a proxy is our own origin", () => {
    const req = new Request("http://app:3000/api/sandbox", {
      method: "POST",
      headers: {
        host: "app:3000",
        "x-forwarded-host": "bmj.example",
        origin: "https://bmj.example",
      },
    });
    expect(isCrossOrigin(req)).toBe(false);
  });

  it("another site's page is not", () => {
    const req = new Request("http://bmj.example/api/sandbox", {
      method: "POST",
      headers: { host: "bmj.example", origin: "https://evil.example" },
    });
    expect(isCrossOrigin(req)).toBe(true);
  });
});
