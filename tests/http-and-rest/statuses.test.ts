import { describe, expect, it } from "vitest";
import { PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import {
  DEMO_RETRY_AFTER_SECONDS,
  describeStatus,
  STATUS_ALLOW,
  statusHeaders,
  statusLocation,
  statusResponse,
} from "@/lib/http-and-rest/statuses";

const at = { method: "GET", path: "/api/v1/http/status/0", requestId: "req-1" };
const answer = (code: number, method = "GET") =>
  statusResponse(code, { ...at, method, path: `/api/v1/http/status/${code}` });

describe("statusHeaders: what RFC 9110 asks each status to carry", () => {
  it.each([201, 301, 302, 303, 307, 308])("%s says where, in Location", (code) => {
    expect(statusHeaders(code)).toEqual({ location: `/api/v1/http/echo?from=${code}` });
  });

  it("sends no Location with 300, 304 or any 2xx but 201", () => {
    for (const code of [200, 202, 204, 300, 304]) expect(statusHeaders(code)).toEqual({});
  });

  it("gives a 206 the Content-Range of the bytes it carries, and a 416 the full length", () => {
    const text = JSON.stringify(describeStatus(206));
    expect(statusHeaders(206)).toEqual({
      "content-range": `bytes 0-${text.length - 1}/${text.length}`,
    });
    expect(statusHeaders(416)).toEqual({
      "content-range": `bytes */${JSON.stringify(describeStatus(416)).length}`,
    });
  });

  it("challenges a 401 with WWW-Authenticate and a 407 with Proxy-Authenticate", () => {
    expect(statusHeaders(401)).toEqual({ "www-authenticate": 'Bearer realm="sandbox"' });
    expect(statusHeaders(407)).toEqual({ "proxy-authenticate": 'Basic realm="proxy"' });
  });

  it("lists the allowed methods with a 405", () => {
    expect(statusHeaders(405)).toEqual({ allow: STATUS_ALLOW });
  });

  it("says when to come back: seconds for a 429, an HTTP-date for a 503", () => {
    expect(statusHeaders(429)).toEqual({ "retry-after": String(DEMO_RETRY_AFTER_SECONDS) });
    const now = Date.UTC(2025, 0, 31, 9, 0, 0);
    expect(statusHeaders(503, now)).toEqual({ "retry-after": "Fri, 31 Jan 2025 09:02:00 GMT" });
  });
});

describe("statusResponse: the whole answer of /status/{code}", () => {
  it("describes a 2xx as JSON", async () => {
    const res = answer(200);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({
      status: 200,
      reason: "OK",
      meaning: "It worked; the body is the result.",
    });
  });

  it("answers a 303 with its Location and a note of what to do", async () => {
    const res = answer(303);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(statusLocation(303));
    expect(await res.json()).toMatchObject({ status: 303, reason: "See Other" });
  });

  it("sends exactly the bytes a 206's Content-Range names", async () => {
    const res = answer(206);
    const body = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get("content-range")).toBe(
      `bytes 0-${body.byteLength - 1}/${body.byteLength}`,
    );
  });

  it.each([204, 205, 304])("sends no body with %s", async (code) => {
    const res = answer(code);
    expect(res.status).toBe(code);
    expect(res.body).toBeNull();
    expect(res.headers.get("content-type")).toBeNull();
  });

  it.each([
    [404, "Not Found"],
    [418, "I'm a Teapot"],
    [429, "Too Many Requests"],
    [503, "Service Unavailable"],
  ])("answers %s as an about:blank problem titled with the reason phrase", async (code, title) => {
    const res = answer(code);
    expect(res.status).toBe(code);
    expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    expect(await res.json()).toEqual({
      type: "about:blank",
      title,
      status: code,
      detail: expect.stringMatching(new RegExp(`^You asked for ${code}\\. .+`)),
      instance: `/api/v1/http/status/${code}`,
      requestId: "req-1",
    });
  });

  it("keeps the headers and drops the body for HEAD", async () => {
    const res = answer(401, "HEAD");
    expect(res.status).toBe(401);
    expect(res.body).toBeNull();
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="sandbox"');
    expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    const ok = answer(200, "HEAD");
    expect(ok.body).toBeNull();
    expect(ok.headers.get("content-type")).toBe("application/json");
  });
});
