import { describe, expect, it } from "vitest";
import { authOf, basicValue, fromBase64, withAuth } from "@/components/console/auth";
import { withBodyType } from "@/components/console/body-type";
import { initialDraft } from "@/components/console/draft";
import { fillDraft } from "@/components/console/fill";
import { parseHistory } from "@/components/console/history";
import { type Draft, prepareRequest, row } from "@/components/console/request";
import { toCurl, toFetch } from "@/components/console/snippets";
import { missingMessage } from "@/components/console/variables-text";
import { type LessonStep, setLessonSteps } from "@/components/lesson/lesson-steps";
import { defineExamples } from "@/content/examples";
import { lessons } from "@/content/lessons";
import {
  captureValues,
  fillVariables,
  seenResponse,
  valueAt,
  variablesIn,
} from "@/content/variables";

const ORIGIN = "http://localhost:3000";
const lookup = (values: Record<string, string>) => (name: string) =>
  Object.hasOwn(values, name) ? values[name] : undefined;

function prepared(draft: Draft) {
  const result = prepareRequest(draft, ORIGIN);
  if (!result.ok) throw new Error(result.error);
  return result.request;
}

describe("variables in a request's text", () => {
  it("are filled by name, spaces inside the braces allowed, and unknown ones listed and kept", () => {
    expect(variablesIn("Bearer {{ accessToken }} {{x}} {{x}}")).toEqual(["accessToken", "x"]);
    expect(fillVariables("Bearer {{ accessToken }}", lookup({ accessToken: "a.b.c" }))).toEqual({
      text: "Bearer a.b.c",
      missing: [],
    });
    expect(fillVariables("{{a}}-{{b}}", lookup({ a: "1" }))).toEqual({
      text: "1-{{b}}",
      missing: ["b"],
    });
    // An empty value is a value: the learner set it.
    expect(fillVariables("[{{a}}]", lookup({ a: "" })).text).toBe("[]");
    // Not a variable name, not a variable.
    expect(variablesIn("{{1x}} {{a.b}} {{}}")).toEqual([]);
  });

  it("are captured from a JSON body field, nested or not, or a header, and never from elsewhere", () => {
    const response = seenResponse(
      [
        ["Content-Type", "application/json"],
        ["ETag", '"2-7"'],
      ],
      JSON.stringify({ accessToken: "a.b.c", lab: { algNone: { token: "t" } }, n: 3 }),
    );
    expect(valueAt(response, "body.accessToken")).toBe("a.b.c");
    expect(valueAt(response, "body.lab.algNone.token")).toBe("t");
    expect(valueAt(response, "body.n")).toBe("3");
    expect(valueAt(response, "header.etag")).toBe('"2-7"');
    expect(valueAt(response, "body.lab")).toBeUndefined();
    expect(valueAt(response, "body.__proto__")).toBeUndefined();
    expect(valueAt(response, "body.missing")).toBeUndefined();
    expect(valueAt(response, "etag")).toBeUndefined();
    expect(
      captureValues(
        { token: "body.accessToken", gone: "body.refreshToken", tag: "header.etag" },
        response,
      ),
    ).toEqual([
      ["token", "a.b.c"],
      ["tag", '"2-7"'],
    ]);
    // A body that is not JSON has no fields.
    expect(valueAt(seenResponse([["content-type", "text/plain"]], '{"a":"1"}'), "body.a")).toBe(
      undefined,
    );
  });

  it("are filled in the path, query, headers and the body that is sent", () => {
    const draft = initialDraft({
      method: "POST",
      path: "/api/v1/todos/{{id}}",
      query: { q: "{{q}}" },
      headers: { Authorization: "Bearer {{accessToken}}" },
      body: { refreshToken: "{{refreshToken}}" },
    });
    const values = lookup({ id: "4", q: "milk", accessToken: "AT", refreshToken: "RT" });
    const { draft: filled, missing } = fillDraft(draft, values);
    expect(missing).toEqual([]);
    expect(prepared(filled)).toMatchObject({
      url: "/api/v1/todos/4?q=milk",
      headers: [
        ["Authorization", "Bearer AT"],
        ["Content-Type", "application/json"],
      ],
      body: '{"refreshToken":"RT"}',
    });
    // A GET sends no body, so the body's variables are not needed.
    expect(
      fillDraft({ ...draft, method: "GET" }, lookup({ id: "4", q: "", accessToken: "" })).missing,
    ).toEqual([]);
    expect(fillDraft(draft, lookup({})).missing).toEqual([
      "id",
      "q",
      "accessToken",
      "refreshToken",
    ]);
  });
});

describe("examples' captures", () => {
  const login = {
    method: "POST",
    path: "/api/v1/auth/login",
    captures: { accessToken: "body.accessToken" },
    expect: { status: 200 },
  } as const;
  const me = {
    method: "GET",
    path: "/api/v1/auth/me",
    headers: { Authorization: "Bearer {{accessToken}}" },
    expect: { status: 200 },
  } as const;

  it("must come before the examples that use them", () => {
    expect(() => defineExamples({ login, me })).not.toThrow();
    expect(() => defineExamples({ me, login })).toThrow(
      'Example "me" uses {{accessToken}}, which no example before it captures.',
    );
  });

  it("refuse the old placeholders, a capture from nowhere, and a body with a form", () => {
    expect(() =>
      defineExamples({ login, me: { ...me, headers: { A: "{{login.body.accessToken}}" } } }),
    ).toThrow(/uses \{\{login\.body\.accessToken\}\}: capture the value/);
    expect(() =>
      defineExamples({ login: { ...login, captures: { accessToken: "accessToken" } } }),
    ).toThrow(/"body\.field" or "header\.name"/);
    expect(() =>
      defineExamples({ login: { ...login, captures: { "access-token": "body.accessToken" } } }),
    ).toThrow(/variable name/);
    expect(() => defineExamples({ login: { ...login, body: {}, form: { a: "b" } } })).toThrow(
      /not both/,
    );
  });

  it("thread every lesson: each variable used is captured earlier in the same lesson", () => {
    // defineExamples checked it when the lessons loaded; this says they all use captures.
    const captured = lessons.flatMap((l) =>
      Object.values(l.examples).flatMap((e) => Object.keys(e.captures ?? {})),
    );
    expect(captured).toEqual(expect.arrayContaining(["accessToken", "aliceToken", "todo2Etag"]));
  });
});

describe("the message for a variable that is not set", () => {
  it("names the console that saves it", () => {
    const step = (name: string, title: string, captures?: Record<string, string>): LessonStep => ({
      name,
      title,
      path: "/x",
      captures,
      expect: { status: 200 },
    });
    setLessonSteps([
      step("login", "Alice logs in", { accessToken: "body.accessToken", refreshToken: "x.y" }),
      step("loginAdmin", "The admin logs in", { adminToken: "body.accessToken" }),
    ]);
    expect(missingMessage(["accessToken"])).toBe(
      "This request uses {{accessToken}}, which is not set yet: send “Alice logs in” first (its response saves it), or set it in the Vars tab.",
    );
    expect(missingMessage(["accessToken", "adminToken", "mine"])).toBe(
      "This request uses {{accessToken}}, {{adminToken}}, {{mine}}, which are not set yet: send “Alice logs in” (it saves accessToken) and “The admin logs in” (it saves adminToken) first, or set them in the Vars tab.",
    );
    expect(missingMessage(["mine"])).toBe(
      "This request uses {{mine}}, which is not set yet: set it in the Vars tab.",
    );
    setLessonSteps([]);
  });
});

describe("the Auth tab", () => {
  const draft = initialDraft({ path: "/api/v1/auth/me", headers: { Accept: "application/json" } });

  it("writes Bearer and Basic into the Authorization row, and None removes it", () => {
    const bearer = withAuth(draft, { scheme: "bearer", token: "{{accessToken}}" });
    expect(bearer.headers.map((h) => [h.key, h.value])).toEqual([
      ["Accept", "application/json"],
      ["Authorization", "Bearer {{accessToken}}"],
    ]);
    expect(authOf(bearer)).toEqual({ scheme: "bearer", token: "{{accessToken}}" });
    const basic = withAuth(bearer, { scheme: "basic", username: "alice", password: "pä:ss" });
    // Changed in place, not added twice.
    expect(basic.headers.filter((h) => h.key === "Authorization")).toHaveLength(1);
    // RFC 7617: base64 of the UTF-8 of user-id ":" password; the password may hold a colon.
    expect(basic.headers[1]?.value).toBe(`Basic ${Buffer.from("alice:pä:ss").toString("base64")}`);
    expect(authOf(basic)).toEqual({ scheme: "basic", username: "alice", password: "pä:ss" });
    expect(withAuth(basic, { scheme: "none" }).headers.map((h) => h.key)).toEqual(["Accept"]);
  });

  it("reads a header typed in Headers, and leaves one it cannot edit alone", () => {
    const typed = (value: string) => authOf({ headers: [row("authorization", value)] });
    expect(typed("bearer abc")).toEqual({ scheme: "bearer", token: "abc" });
    expect(typed("Basic YWxpY2U6c2VjcmV0")).toEqual({
      scheme: "basic",
      username: "alice",
      password: "secret",
    });
    expect(typed("Basic !!!")).toEqual({ scheme: "other", value: "Basic !!!" });
    expect(typed('Digest username="a"')).toMatchObject({ scheme: "other" });
    expect(basicValue("Aladdin", "open sesame")).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    expect(fromBase64("//79")).toBeNull(); // Not UTF-8.
  });
});

describe("form bodies", () => {
  const form = initialDraft({
    method: "POST",
    path: "/api/v1/http/echo",
    form: { title: "Milk & eggs", note: "{{who}} = 100%" },
  });

  it("are sent urlencoded with their Content-Type, variables filled in each field", () => {
    expect(form.bodyType).toBe("form");
    const request = prepared(fillDraft(form, lookup({ who: "Alice" })).draft);
    expect(request.headers).toEqual([["Content-Type", "application/x-www-form-urlencoded"]]);
    expect(request.body).toBe("title=Milk+%26+eggs&note=Alice+%3D+100%25");
    expect(request.form).toEqual([
      ["title", "Milk & eggs"],
      ["note", "Alice = 100%"],
    ]);
  });

  it("copy as curl with --data-urlencode, and as fetch with URLSearchParams", () => {
    const request = prepared(fillDraft(form, lookup({ who: "Alice" })).draft);
    const curl = toCurl(request, ORIGIN, "sbx_key");
    expect(curl).toContain("--data-urlencode 'title=Milk & eggs'");
    expect(curl).toContain("--data-urlencode 'note=Alice = 100%'");
    expect(curl).not.toContain("--data-raw");
    const code = toFetch(request, ORIGIN, "sbx_key");
    expect(code).toContain('body: new URLSearchParams([\n    ["title", "Milk & eggs"],');
    const body = new Function(
      "URLSearchParams",
      `return ${/body: (new URLSearchParams\([\s\S]*?\]\))/.exec(code)?.[1]};`,
    )(URLSearchParams);
    expect(String(body)).toBe(request.body);
  });

  it("switch with the body type, which writes the Content-Type row", () => {
    const json = initialDraft({ method: "POST", path: "/x", body: { title: "Buy milk", n: 2 } });
    const asForm = withBodyType(json, "form");
    expect(asForm.form.map((r) => [r.key, r.value])).toEqual([
      ["title", "Buy milk"],
      ["n", "2"],
    ]);
    expect(asForm.headers.map((h) => [h.key, h.value])).toEqual([
      ["Content-Type", "application/x-www-form-urlencoded"],
    ]);
    expect(withBodyType(asForm, "text").headers[0]?.value).toBe("text/plain");
    const back = withBodyType(asForm, "json");
    expect(back.headers).toEqual([]);
    expect(prepared(back).body).toBe('{"title":"Buy milk","n":2}');
  });

  it("keep JSON text labelled as a form as text, sent as it is (the 415 lesson)", () => {
    const draft = initialDraft({
      method: "POST",
      path: "/api/v1/todos",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: { title: "Buy milk" },
    });
    expect(draft.bodyType).toBe("text");
    expect(prepared(draft).body).toBe('{\n  "title": "Buy milk"\n}');
  });
});

describe("a form or text body in the history", () => {
  it("keeps how the console held it, so a replay shows the same body", () => {
    const stored = (extra: object) =>
      JSON.stringify([
        {
          id: "a",
          method: "POST",
          url: "/x",
          headers: {},
          body: "{}",
          status: 415,
          time: 1,
          at: 1,
          ...extra,
        },
      ]);
    expect(parseHistory(stored({ bodyType: "text" }))[0]?.bodyType).toBe("text");
    expect(parseHistory(stored({ bodyType: "xml" }))[0]?.bodyType).toBeUndefined();
    expect(parseHistory(stored({}))[0]?.bodyType).toBeUndefined();
  });
});
