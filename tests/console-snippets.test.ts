import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  HISTORY_LIMIT,
  type HistoryEntry,
  parseHistory,
  withEntry,
} from "@/components/console/history";
import { type Draft, prepareRequest, row, splitPath } from "@/components/console/request";
import { layoutTimeline, parseServerTiming } from "@/components/console/server-timing";
import { shellQuote, toCurl, toFetch } from "@/components/console/snippets";

const ORIGIN = "http://localhost:3000";
const KEY = "sbx_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

function draft(patch: Partial<Draft> = {}): Draft {
  return {
    method: "GET",
    path: "/api/v1/todos",
    query: [],
    headers: [],
    bodyType: "json",
    body: "",
    form: [],
    ...patch,
  };
}

function prepared(patch: Partial<Draft> = {}) {
  const result = prepareRequest(draft(patch), ORIGIN);
  if (!result.ok) throw new Error(result.error);
  return result.request;
}

describe("parseServerTiming", () => {
  it("reads name, dur and quoted desc, in order", () => {
    const header =
      'validate;dur=0.41;desc="Validate the JSON body", sandbox;dur=1.2;desc="Identify your sandbox", db;dur=3.05;desc="Insert the todo", total;dur=6.5';
    expect(parseServerTiming(header)).toEqual([
      { name: "validate", dur: 0.41, desc: "Validate the JSON body" },
      { name: "sandbox", dur: 1.2, desc: "Identify your sandbox" },
      { name: "db", dur: 3.05, desc: "Insert the todo" },
      { name: "total", dur: 6.5 },
    ]);
  });

  it("keeps commas and semicolons inside quotes, unescapes, ignores junk", () => {
    expect(
      parseServerTiming('cache;desc="hit, warm; \\"L1\\"";dur=0.2, miss, ;dur=4, x;dur=abc;DUR=2'),
    ).toEqual([
      { name: "cache", desc: 'hit, warm; "L1"', dur: 0.2 },
      { name: "miss" },
      { name: "x", dur: 2 },
    ]);
  });

  it("takes the first dur and unquoted desc tokens", () => {
    expect(parseServerTiming("a;dur=1;dur=2;desc=plain")).toEqual([
      { name: "a", dur: 1, desc: "plain" },
    ]);
    expect(parseServerTiming(null)).toEqual([]);
    expect(parseServerTiming("")).toEqual([]);
  });
});

describe("layoutTimeline", () => {
  it("places spans one after another inside total, with the rest as framework / other", () => {
    const t = layoutTimeline(parseServerTiming("a;dur=2, b;dur=3, total;dur=10"));
    expect(t?.total).toBe(10);
    expect(t?.bars.map((b) => [b.name, b.left, b.width])).toEqual([
      ["a", 0, 20],
      ["b", 20, 30],
    ]);
    expect(t?.other).toMatchObject({ dur: 5, left: 50, width: 50 });
  });

  it("grows the frame when rounding makes the spans exceed total", () => {
    const t = layoutTimeline(parseServerTiming("a;dur=6, b;dur=6, total;dur=10"));
    expect(t?.other).toBeNull();
    expect(t?.bars[1]).toMatchObject({ left: 50, width: 50 });
  });

  it("uses the sum without a total, and nothing without entries", () => {
    expect(layoutTimeline(parseServerTiming("a;dur=1, b;dur=1"))?.total).toBe(2);
    expect(layoutTimeline([])).toBeNull();
  });
});

describe("prepareRequest", () => {
  it("merges path and query rows and skips blank rows", () => {
    const r = prepared({ path: "/api/v1/todos?page=2", query: [row("q", "a b&c"), row("", "x")] });
    expect(r.url).toBe("/api/v1/todos?page=2&q=a+b%26c");
  });

  it("adds Content-Type: application/json to a body and sends it compact", () => {
    const r = prepared({ method: "POST", body: '{\n  "title": "Learn HTTP"\n}' });
    expect(r.headers).toEqual([["Content-Type", "application/json"]]);
    expect(r.body).toBe('{"title":"Learn HTTP"}');
  });

  it("keeps a Content-Type the learner set, and sends non-JSON text as it is", () => {
    const r = prepared({
      method: "POST",
      headers: [row("content-type", "text/plain")],
      body: "{oops",
    });
    expect(r.headers).toEqual([["content-type", "text/plain"]]);
    expect(r.body).toBe("{oops");
  });

  it("sends a JSON body that does not parse as it is, so the learner sees the server's 400", () => {
    const r = prepared({ method: "POST", body: '{"title": }' });
    expect(r.headers).toEqual([["Content-Type", "application/json"]]);
    expect(r.body).toBe('{"title": }');
  });

  it("sends no body for GET and HEAD", () => {
    expect(prepared({ method: "GET", body: "{}" }).body).toBeNull();
    expect(prepared({ method: "HEAD", body: "{}" }).headers).toEqual([]);
  });

  it("refuses bad header names and other origins", () => {
    expect(prepareRequest(draft({ headers: [row("Bad Name", "x")] }), ORIGIN)).toMatchObject({
      ok: false,
      field: "headers",
    });
    expect(prepareRequest(draft({ path: "https://evil.example/x" }), ORIGIN)).toMatchObject({
      ok: false,
      field: "path",
    });
  });

  it("splits a path with a query into rows", () => {
    const { path, query } = splitPath("/api/v1/todos?done=true&q=x");
    expect(path).toBe("/api/v1/todos");
    expect(query.map((q) => [q.key, q.value])).toEqual([
      ["done", "true"],
      ["q", "x"],
    ]);
  });
});

const sh = (script: string) => execFileSync("sh", ["-c", script], { encoding: "utf8" });

describe("shellQuote", () => {
  it("round-trips through a real POSIX shell", () => {
    for (const text of ["plain", "it's", "'''", 'a "b" $HOME `id` \\n !x', "two\nlines", ""]) {
      expect(sh(`printf %s ${shellQuote(text)}`)).toBe(text);
    }
  });
});

describe("toCurl", () => {
  it("writes a POST with -i, headers, the sandbox key and the body", () => {
    const curl = toCurl(prepared({ method: "POST", body: `{"title":"Don't panic"}` }), ORIGIN, KEY);
    expect(curl).toBe(
      [
        "curl -i -X POST 'http://localhost:3000/api/v1/todos'",
        "-H 'Content-Type: application/json'",
        `-H 'X-Sandbox-Key: ${KEY}'`,
        `--data-raw '{"title":"Don'\\''t panic"}'`,
      ].join(" \\\n  "),
    );
  });

  it("gives the shell the exact body and URL", () => {
    const request = prepared({
      method: "PATCH",
      query: [row("q", "it's & $x")],
      body: `{"title":"it's \\"quoted\\" $HOME"}`,
    });
    const curl = toCurl(request, ORIGIN, KEY);
    // Replace curl with a printer of its arguments, then run the snippet for real.
    const args = sh(`curl() { for a in "$@"; do printf '%s\\n' "$a"; done; }\n${curl}`).split("\n");
    expect(args).toContain(`http://localhost:3000/api/v1/todos?q=it%27s+%26+%24x`);
    expect(args).toContain(request.body);
    expect(args).toContain(`X-Sandbox-Key: ${KEY}`);
  });

  it("uses -I for HEAD, no -X for GET, and keeps a key the learner set", () => {
    expect(toCurl(prepared({ method: "HEAD" }), ORIGIN, KEY)).toMatch(/^curl -I '/);
    const get = toCurl(prepared({ headers: [row("x-sandbox-key", "mine")] }), ORIGIN, KEY);
    expect(get).toMatch(/^curl -i 'http/);
    expect(get).toContain("-H 'x-sandbox-key: mine'");
    expect(get).not.toContain(KEY);
  });

  it("names a placeholder while the key is unknown", () => {
    expect(toCurl(prepared(), ORIGIN, null)).toContain("X-Sandbox-Key: <your sandbox key");
  });

  it("keeps the sessions lesson's cookie in a cookie jar, and only for its paths", () => {
    const me = toCurl(prepared({ path: "/api/v1/sessions/me" }), ORIGIN, KEY);
    expect(me.split(" \\\n  ")).toEqual([
      "curl -i 'http://localhost:3000/api/v1/sessions/me'",
      "-b jar.txt -c jar.txt",
      `-H 'X-Sandbox-Key: ${KEY}'`,
    ]);
    expect(toCurl(prepared({ path: "/api/v1/sessions" }), ORIGIN, KEY)).toContain("-b jar.txt");
    expect(toCurl(prepared(), ORIGIN, KEY)).not.toContain("jar.txt");
  });
});

describe("toFetch", () => {
  it("writes a runnable fetch with method, headers and a JSON body", () => {
    const code = toFetch(prepared({ method: "POST", body: '{"title":"Learn HTTP"}' }), ORIGIN, KEY);
    expect(code).toContain('await fetch("http://localhost:3000/api/v1/todos", {');
    expect(code).toContain('method: "POST",');
    expect(code).toContain(`"X-Sandbox-Key": "${KEY}",`);
    expect(code).toContain('body: JSON.stringify({\n    "title": "Learn HTTP"\n  }),');
    // It is valid JavaScript.
    expect(() => new Function(`return async () => { ${code} }`)).not.toThrow();
  });

  it("omits the method for GET and quotes text bodies as strings", () => {
    expect(toFetch(prepared(), ORIGIN, KEY)).not.toContain("method:");
    const text = toFetch(
      prepared({ method: "PUT", headers: [row("Content-Type", "text/plain")], body: 'say "hi"\n' }),
      ORIGIN,
      KEY,
    );
    expect(text).toContain('body: "say \\"hi\\"\\n",');
  });
});

describe("history", () => {
  const entry = (n: number): HistoryEntry => ({
    id: String(n),
    method: "GET",
    url: `/api/v1/todos/${n}`,
    headers: {},
    body: null,
    status: 200,
    time: 1,
    at: n,
  });

  it("keeps the newest first and at most the limit", () => {
    let list: HistoryEntry[] = [];
    for (let n = 1; n <= HISTORY_LIMIT + 5; n++) list = withEntry(list, entry(n));
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]?.id).toBe(String(HISTORY_LIMIT + 5));
  });

  it("drops malformed stored data instead of throwing", () => {
    expect(parseHistory("not json")).toEqual([]);
    expect(parseHistory('{"a":1}')).toEqual([]);
    expect(parseHistory(JSON.stringify([entry(1), { id: 2 }, null]))).toEqual([entry(1)]);
  });
});
