// npm run bench:redis-down — GET /api/v1/todos under load while the rate limits' Redis goes away
// and comes back. Redis itself keeps running: the app reaches it through a TCP relay that this
// script cuts (every connection closed, new ones refused) and restores. Phases of BENCH_SECONDS
// each: Redis up (the baseline of the same run), Redis down, Redis back. See README.md.
import { once } from "node:events";
import { createConnection, createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { createDatabase, dropDatabase } from "./lib/database.mjs";
import { runLoad, summarize } from "./lib/load.mjs";
import { freePort, stopAll } from "./lib/processes.mjs";
import { ensureBuild, request, startNext } from "./lib/servers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const adminUrl = process.env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const redis = new URL(process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379");

/** A relay to Redis that can be cut and restored on the same port. */
async function relay(port) {
  const sockets = new Set();
  let server;
  const start = async () => {
    server = createServer((client) => {
      const upstream = createConnection(Number(redis.port || 6379), redis.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("error", () => {}).on("close", () => {
          sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, "127.0.0.1");
    await once(server, "listening");
  };
  const cut = () => {
    server.close();
    for (const s of sockets) s.destroy();
  };
  await start();
  return { cut, restore: start };
}

const state = {};
try {
  ensureBuild(root, process.env.NEXT_DIST_DIR || ".next");
  const relayPort = await freePort();
  const link = await relay(relayPort);
  const db = await createDatabase(adminUrl);
  state.db = db.name;
  process.env.REDIS_URL = `redis://127.0.0.1:${relayPort}`;
  process.env.REDIS_KEY_PREFIX = `bmj-bench-${relayPort}`;
  const next = await startNext({ root, port: await freePort(), databaseUrl: db.url });
  const { res } = await request(`${next.url}/api/sandbox`, { method: "POST" });
  const key = res.headers.get("x-sandbox-key");
  const load = {
    url: `${next.url}/api/v1/todos?limit=20`,
    headers: { "x-sandbox-key": key },
    connections,
  };
  await runLoad({ ...load, seconds: 3 }); // warm-up

  // Requests the sandbox limiter counted in Redis so far: the sum of its window counters, read
  // directly (not through the relay). The rest of a phase's requests went through uncounted.
  const direct = new Redis(redis.toString(), { lazyConnect: true });
  await direct.connect();
  state.direct = direct;
  const counted = async () => {
    let sum = 0;
    const match = `${process.env.REDIS_KEY_PREFIX}:rl:sandbox-requests:*`;
    for await (const keys of direct.scanStream({ match, count: 100 })) {
      for (const value of keys.length ? await direct.mget(...keys) : []) sum += Number(value ?? 0);
    }
    return sum;
  };

  const rows = [];
  const phase = async (name, before) => {
    await before?.();
    console.log(`${name}: ${seconds}s at ${connections} connections`);
    const start = await counted();
    const result = summarize(await runLoad({ ...load, seconds }));
    rows.push({ phase: name, ...result, counted: (await counted()) - start });
  };
  await phase("redis up");
  await phase("redis down", () => link.cut());
  await phase("redis back", () => link.restore());
  console.table(
    rows.map((r) => ({
      phase: r.phase,
      "req/s": Math.round(r.reqPerSec),
      "p50 ms": r.p50Ms,
      "p99 ms": r.p99Ms,
      "counted in Redis": `${Math.round((100 * r.counted) / r.requests)}%`,
      non2xx: r.non2xx,
      errors: r.errors,
    })),
  );
  // After the run the limiter counts in Redis again: one more request shows the key moving.
  const probe = await request(load.url, { headers: load.headers });
  console.log(`after: ${probe.res.status}, RateLimit ${probe.res.headers.get("ratelimit")}`);
} finally {
  await stopAll();
  if (state.direct) {
    const keys = [];
    for await (const batch of state.direct.scanStream({
      match: `${process.env.REDIS_KEY_PREFIX}:*`,
    }))
      keys.push(...batch);
    if (keys.length > 0) await state.direct.del(...keys);
    state.direct.disconnect();
  }
  if (state.db) await dropDatabase(adminUrl, state.db);
}
