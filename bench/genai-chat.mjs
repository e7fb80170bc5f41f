// npm run bench:chat — the support agent (offline model) through its full route, against the
// hello route of the same server in the same run: time to the first streamed byte and to the
// whole answer, one chat at a time; then BENCH_CHATS chats at once, with the server's memory.
// Needs the machine's Postgres (BENCH_POSTGRES_URL). See README.md.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, dropDatabase } from "./lib/database.mjs";
import { freePort, memoryOf, stopAll } from "./lib/processes.mjs";
import { ensureBuild, READER, registerReader, request, startNext } from "./lib/servers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const adminUrl = process.env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const sequential = Number(process.env.BENCH_SEQUENTIAL ?? 20);
const concurrent = Number(process.env.BENCH_CHATS ?? 50);

/** Milliseconds to the response's headers, its first body byte, and its last. */
async function timed(url, init) {
  const start = performance.now();
  const res = await fetch(url, init);
  const headers = performance.now() - start;
  const reader = res.body.getReader();
  let first;
  let bytes = 0;
  let text = "";
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    first ??= performance.now() - start;
    bytes += value.length;
    text += decoder.decode(value, { stream: true });
  }
  return {
    status: res.status,
    headers,
    first: first ?? headers,
    whole: performance.now() - start,
    bytes,
    text,
  };
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => Math.round(v * 10) / 10;

const state = {};
try {
  ensureBuild(root, process.env.NEXT_DIST_DIR || ".next");
  const db = await createDatabase(adminUrl);
  state.db = db.name;
  // The budget runs on every chat (it is part of the route) but never refuses in the bench.
  process.env.AI_CHAT_LIMIT = "1000000";
  const next = await startNext({ root, port: await freePort(), databaseUrl: db.url });
  const { res } = await request(`${next.url}/api/sandbox`, { method: "POST" });
  const key = res.headers.get("x-sandbox-key");
  await registerReader(next.url, key);
  const login = await request(`${next.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "x-sandbox-key": key, "content-type": "application/json" },
    body: JSON.stringify(READER),
  });
  const auth = {
    "x-sandbox-key": key,
    authorization: `Bearer ${login.body.accessToken}`,
    "content-type": "application/json",
  };
  const order = await request(`${next.url}/api/v1/shop/orders`, {
    method: "POST",
    headers: { ...auth, "idempotency-key": '"bench-order"' },
    body: JSON.stringify({ items: [{ productId: 7, quantity: 1 }] }),
  });
  if (order.res.status !== 201) throw new Error(`placing an order answered ${order.res.status}`);

  let chatId = 0;
  const chat = () => {
    chatId += 1;
    return timed(`${next.url}/api/v1/support/chat`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({
        id: `bench-${chatId}`,
        messages: [
          { id: "m1", role: "user", parts: [{ type: "text", text: "Where is my order?" }] },
        ],
      }),
    });
  };
  const hello = () => timed(`${next.url}/api/health/live`);
  const check = (r, what) => {
    if (r.status !== 200) throw new Error(`${what} answered ${r.status}: ${r.text.slice(0, 200)}`);
  };
  check(await chat(), "a first chat"); // warm-up: compiles the route, loads the model's rules
  check(await hello(), "hello");

  const rows = [];
  for (let round = 1; round <= rounds; round++) {
    const h = [];
    const c = [];
    // Interleaved, so a busy moment of the machine falls on both.
    for (let i = 0; i < sequential; i++) {
      const a = await hello();
      check(a, "hello");
      h.push(a);
      const b = await chat();
      check(b, "chat");
      if (!b.text.includes('"type":"tool-output-available"')) throw new Error("no tool output");
      c.push(b);
    }
    const p50 = (xs, f) => quantile(xs.map(f), 0.5);
    rows.push({
      round,
      "hello first byte ms": ms(p50(h, (r) => r.first)),
      "chat first byte ms": ms(p50(c, (r) => r.first)),
      "chat first byte / hello": ms(p50(c, (r) => r.first) / p50(h, (r) => r.first)),
      "chat whole answer ms (p50)": ms(p50(c, (r) => r.whole)),
      "chat whole answer ms (p95)": ms(
        quantile(
          c.map((r) => r.whole),
          0.95,
        ),
      ),
      "answer bytes": p50(c, (r) => r.bytes),
    });
  }
  console.log(`One chat at a time (${sequential} per round, medians):`);
  console.table(rows);

  const before = memoryOf(next.proc);
  let peakRssMb = 0;
  const sampler = setInterval(() => {
    const now = memoryOf(next.proc);
    const rss = Math.max(0, ...(now?.processes ?? []).map((p) => p.rssMb ?? 0));
    peakRssMb = Math.max(peakRssMb, rss);
  }, 50);
  const start = performance.now();
  const all = await Promise.all(Array.from({ length: concurrent }, () => chat()));
  const wall = performance.now() - start;
  clearInterval(sampler);
  const statuses = {};
  for (const r of all) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const rssBefore = Math.max(0, ...(before?.processes ?? []).map((p) => p.rssMb ?? 0));
  console.log(`${concurrent} chats at once:`);
  console.table([
    {
      statuses: JSON.stringify(statuses),
      "all answered ms": ms(wall),
      "first byte p50 ms": ms(
        quantile(
          all.map((r) => r.first),
          0.5,
        ),
      ),
      "first byte p95 ms": ms(
        quantile(
          all.map((r) => r.first),
          0.95,
        ),
      ),
      "whole p95 ms": ms(
        quantile(
          all.map((r) => r.whole),
          0.95,
        ),
      ),
      "server RSS before MB": rssBefore,
      "server RSS peak MB": peakRssMb,
    },
  ]);
  if (statuses[200] !== concurrent) process.exitCode = 1;
} finally {
  await stopAll();
  if (state.db) await dropDatabase(adminUrl, state.db);
}
