import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const SANDBOX = { id: "sb_1", key: "sbx_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" };

type Call = { method: string; url: string };

/** A fake `/api/sandbox`: GET answers 200 once a sandbox exists (or always, the old way). */
function fakeServer({ getCreates = false, postStatus = 201 } = {}) {
  const calls: Call[] = [];
  let exists = false;
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    calls.push({ method, url });
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (method === "GET") {
      if (getCreates) exists = true;
      return exists ? json(200, SANDBOX) : json(404, { title: "No sandbox yet", status: 404 });
    }
    if (postStatus >= 400)
      return json(postStatus, { title: "Too many new sandboxes", status: postStatus });
    const status = exists ? 200 : postStatus;
    exists = true;
    return json(status, { ...SANDBOX, created: status === 201 });
  });
  vi.stubGlobal("fetch", fetch);
  return calls;
}

async function load() {
  vi.resetModules();
  return import("@/components/console/sandbox");
}

describe("console sandbox", () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it("reading never creates: GET only, null on 404", async () => {
    const calls = fakeServer();
    const { readSandbox } = await load();
    expect(await readSandbox()).toBeNull();
    expect(calls).toEqual([{ method: "GET", url: "/api/sandbox" }]);
  });

  it("ensuring creates once with POST, however many consoles ask at once", async () => {
    const calls = fakeServer();
    const { ensureSandbox } = await load();
    const results = await Promise.all([ensureSandbox(), ensureSandbox(), ensureSandbox()]);
    for (const result of results) expect(result).toEqual({ ok: true, sandbox: SANDBOX });
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(1);
    expect(calls.filter((c) => c.method === "GET")).toHaveLength(1);
    // Known from then on: no more requests.
    await ensureSandbox();
    expect(calls).toHaveLength(2);
  });

  it("works with a server whose GET still creates the sandbox", async () => {
    const calls = fakeServer({ getCreates: true });
    const { ensureSandbox } = await load();
    expect(await ensureSandbox()).toEqual({ ok: true, sandbox: SANDBOX });
    expect(calls).toEqual([{ method: "GET", url: "/api/sandbox" }]);
  });

  it("says why a sandbox could not be created, and tries again on the next send", async () => {
    const calls = fakeServer({ postStatus: 429 });
    const { ensureSandbox } = await load();
    expect(await ensureSandbox()).toEqual({ ok: false, error: "Too many new sandboxes" });
    await ensureSandbox();
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(2);
  });
});
