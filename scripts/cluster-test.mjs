// npm run test:cluster — what CI checks about the cluster, against the production build:
//   1. two instances behind nginx on one Redis: a sandbox limit of N allows exactly N across both;
//   1b. 40 concurrent misses of one cached answer, spread over both instances: one database read;
//   2. one instance killed in the middle of a burst: idempotent requests are retried elsewhere,
//      and the cluster goes on serving (and takes the instance back once it returns);
//   2b. the other instance told to stop (SIGTERM) in the middle of a burst: it drains, so no
//      request fails but a POST nginx wrote on a connection as it closed (never resent: 503),
//      every acknowledged visit is counted and every answer is in the request log;
//   3. a throwaway Postgres stopped for a few seconds under write load: answers are 201 or 503
//      (never 500), every acknowledged write is still there afterwards, and the app recovers alone;
//   4. an instance started while Postgres is down serves 503 problems, then writes once it is back.
// It asserts counts, never times. Bounded: each phase stops after a fixed number of requests.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { freePort, stopAll } from "../bench/lib/processes.mjs";
import { ensureBuild } from "../bench/lib/servers.mjs";
import { sharedEnv, startInstance, waitHealthy } from "./cluster/instances.mjs";
import { startNginx } from "./cluster/nginx.mjs";
import { createServer } from "./cluster/postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const N = Number(process.env.CLUSTER_TEST_LIMIT ?? 300);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const dir = mkdtempSync(path.join(tmpdir(), "bmj-cluster-test-"));
const overall = setTimeout(() => {
  console.error("cluster test: over 3 minutes, giving up");
  process.exit(1);
}, 180_000);

const tally = (list) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map());
const show = (map) => [...map].map(([k, v]) => `${k}: ${v}`).join(", ");

/**
 * A sandbox's visit counter (read by one more visit) holds every acknowledged visit, and of the
 * unanswered ones any number: they may or may not have been carried out.
 */
async function assertVisitsCounted(lb, key, acked, unsure) {
  const next = await send(`${lb}/api/v1/instance/visits`, { method: "POST", key });
  const counted = next.body.visits - 1;
  assert.ok(
    counted >= acked && counted <= acked + unsure,
    `every acknowledged visit was counted: ${counted}, acknowledged ${acked}, unanswered ${unsure}`,
  );
}

async function send(url, { method = "GET", key, body } = {}) {
  try {
    const res = await fetch(url, {
      method,
      headers: {
        ...(key ? { "x-sandbox-key": key } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return {
      status: res.status,
      by: res.headers.get("x-served-by"),
      retryAfter: res.headers.get("retry-after"),
      spans: (res.headers.get("server-timing") ?? "").split(",").map((e) => e.trim().split(";")[0]),
      type: res.headers.get("content-type"),
      body: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text,
    };
  } catch (error) {
    return { status: `no answer (${error.cause?.code ?? error.name})`, by: null };
  }
}

/** Runs `total` calls of `one(i)`, `concurrency` at a time; `onEach` sees each result. */
async function burst(total, concurrency, one, onEach = () => {}) {
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const r = await one(i);
        results.push(r);
        await onEach(r, results.length);
      }
    }),
  );
  return results;
}

async function newKey(lb) {
  const r = await send(`${lb}/api/sandbox`, { method: "POST" });
  assert.equal(r.status, 201, `POST /api/sandbox answered ${r.status}`);
  return r.body.key;
}

/** Waits for `done()`, failing after 30 s (the bound; nothing here asserts how long it took). */
async function until(done, what) {
  const deadline = Date.now() + 30_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not within 30 s: ${what}`);
    await sleep(20);
  }
}

/** Sliding windows of 60 s start on the minute: keep a burst inside one. */
async function awayFromMinuteEdge() {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await sleep(60_000 - intoMinute + 500);
}

let pg;
try {
  ensureBuild(root, process.env.NEXT_DIST_DIR || ".next");
  const pgPort = await freePort();
  // Its own folder: the postgres user must be able to reach it (mkdtemp's folders are 0700).
  pg = createServer({ dir: mkdtempSync(path.join(tmpdir(), "bmj-cluster-pg-")), port: pgPort });
  const env = sharedEnv({
    ...process.env,
    DATABASE_URL: pg.url,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: `bmj-cluster-${randomBytes(4).toString("hex")}`,
    SANDBOX_REQUEST_LIMIT: String(N),
    SANDBOX_CREATE_LIMIT: "10000",
    LOG_LEVEL: "error",
  });
  const ports = [await freePort(), await freePort()];
  const web = [];
  for (const [i, port] of ports.entries()) {
    web.push(startInstance({ root, name: `web-${i + 1}`, port, env }));
    await waitHealthy([web[i]]);
  }
  const lbPort = await freePort();
  const { url: lb } = await startNginx({ dir: path.join(dir, "nginx"), port: lbPort, ports });
  console.log(
    `cluster: nginx ${lb} → ${web.map((w) => `${w.name} ${w.url}`).join(", ")}; Postgres ${pg.url}`,
  );

  // 1. One limit across both instances.
  {
    const key = await newKey(lb);
    await awayFromMinuteEdge();
    const results = await burst(N * 2, 16, () => send(`${lb}/api/v1/instance`, { key }));
    const statuses = tally(results.map((r) => r.status));
    const okBy = tally(results.filter((r) => r.status === 200).map((r) => r.by));
    console.log(
      `1. limit N=${N}, ${N * 2} requests: ${show(statuses)}; 200s served by ${show(okBy)}`,
    );
    assert.equal(statuses.get(200), N, "exactly N allowed across both instances");
    assert.equal(statuses.get(429), N, "every other request refused with 429");
    assert.equal(okBy.size, 2, "both instances served");
  }

  // 1b. Single-flight across instances: a cold catalog answer read once in all.
  {
    const key = await newKey(lb);
    const results = await burst(40, 40, () => send(`${lb}/api/v1/shop/products?limit=5`, { key }));
    const statuses = tally(results.map((r) => r.status));
    const by = tally(results.map((r) => r.by));
    const reads = results.filter((r) => r.spans?.includes("db")).length;
    console.log(
      `1b. 40 concurrent misses of one answer: ${show(statuses)}; served by ${show(by)}; database reads: ${reads}`,
    );
    assert.equal(statuses.get(200), 40, "every read answered");
    assert.equal(by.size, 2, "both instances served");
    assert.equal(reads, 1, "one database read across both instances");
  }

  // 2. Lose one instance in the middle of a burst.
  {
    const keys = await Promise.all(Array.from({ length: 4 }, () => newKey(lb)));
    const total = 600;
    let killedAt;
    const results = await burst(
      total,
      8,
      (i) =>
        i % 5 === 4
          ? send(`${lb}/api/v1/instance/visits`, { method: "POST", key: keys[i % 4] }).then(
              (r) => ({ ...r, i, post: true, key: keys[i % 4] }),
            )
          : send(`${lb}/api/v1/instance`, { key: keys[i % 4] }).then((r) => ({ ...r, i })),
      async (_, done) => {
        if (done === 200 && !killedAt) {
          killedAt = done;
          process.kill(-web[1].proc.pid, "SIGKILL"); // a crash: no draining
        }
      },
    );
    const gets = results.filter((r) => !r.post);
    const posts = results.filter((r) => r.post);
    const after = results.slice(killedAt + 16); // well after the kill: nothing in flight on web-2
    console.log(
      `2. ${total} requests, web-2 killed after ${killedAt}: GET ${show(tally(gets.map((r) => r.status)))}; POST ${show(tally(posts.map((r) => r.status)))}; served by ${show(tally(results.map((r) => r.by)))}; after the kill by ${show(tally(after.map((r) => r.by)))}`,
    );
    // What web-2 had in flight when it died (at most the 8 in flight in all): a GET nginx had
    // not begun to relay is retried on web-1; one whose response it was relaying cannot be, and
    // the client's connection is cut. A POST is never resent: 503 from nginx, or cut.
    const cut = (r) => String(r.status).startsWith("no answer");
    const failedGets = gets.filter((r) => r.status !== 200);
    const failedPosts = posts.filter((r) => r.status !== 200);
    assert.ok(failedGets.every(cut), "a GET is 200, or cut mid-response (never an error status)");
    assert.ok(
      failedPosts.every((r) => cut(r) || (r.status === 503 && r.by === "nginx")),
      "a POST is 200, or 503 from nginx, or cut (never resent)",
    );
    assert.ok(
      failedGets.length + failedPosts.length <= 8,
      "only requests in flight on web-2 failed",
    );
    assert.ok(
      after.every((r) => r.by === "web-1"),
      "after the kill only web-1 serves",
    );
    // Every acknowledged visit was counted; an unanswered one may or may not have been.
    for (const key of keys) {
      const acked = posts.filter((r) => r.key === key && r.status === 200).length;
      const unsure = posts.filter((r) => r.key === key && r.status !== 200).length;
      await assertVisitsCounted(lb, key, acked, unsure);
    }
    // web-2 comes back: nginx takes it again once fail_timeout (5 s) has passed and a request succeeds.
    web[1] = startInstance({ root, name: "web-2", port: ports[1], env });
    await waitHealthy([web[1]]);
    let back = 0;
    for (let i = 0; i < 60 && !back; i++) {
      const r = await send(`${lb}/api/health`);
      if (r.by === "web-2") back = i + 1;
      else await sleep(250);
    }
    console.log(`   web-2 restarted and served again (health check ${back} after it was healthy)`);
    assert.ok(back, "nginx sends to web-2 again after it returns");
  }

  // 2b. Graceful drain: web-2 told to stop (SIGTERM, as a deploy or a scale-down does) in the
  // middle of a burst finishes what it has in flight and writes its request log before it exits;
  // nginx sends everything after to web-1. Nothing fails and nothing is lost.
  {
    const keys = await Promise.all(Array.from({ length: 8 }, () => newKey(lb)));
    const total = 600;
    let stoppedAt = 0;
    const drained = web[1];
    const results = await burst(
      total,
      8,
      (i) =>
        i % 5 === 4
          ? send(`${lb}/api/v1/instance/visits`, { method: "POST", key: keys[i % 8] }).then(
              (r) => ({ ...r, post: true, key: keys[i % 8] }),
            )
          : send(`${lb}/api/v1/instance`, { key: keys[i % 8] }).then((r) => ({
              ...r,
              key: keys[i % 8],
            })),
      async (_, done) => {
        if (done === 200 && !stoppedAt) {
          stoppedAt = done;
          process.kill(-drained.proc.pid, "SIGTERM");
        }
      },
    );
    await until(() => drained.proc.exited, "web-2 exits after SIGTERM");
    const statuses = tally(results.map((r) => r.status));
    const by = tally(results.map((r) => r.by));
    console.log(
      `2b. ${total} requests, web-2 sent SIGTERM after ${stoppedAt}: ${show(statuses)}; served by ${show(by)}; web-2 exited with ${drained.proc.exit}`,
    );
    // A request nginx wrote on a kept-alive connection just as web-2 closed it cannot be resent if
    // it is a POST (it may have been carried out): nginx answers 503 for it, and the learner is
    // told to retry. Every other request is answered, and nothing acknowledged is lost.
    const failed = results.filter((r) => r.status !== 200);
    assert.ok(
      failed.every((r) => r.post && r.status === 503 && r.by === "nginx"),
      `while web-2 drained, only a POST caught on a closing connection may fail (503 from nginx): ${show(statuses)}`,
    );
    assert.ok(failed.length <= 2, `at most 2 such POSTs in ${total}: ${failed.length}`);
    assert.ok((by.get("web-2") ?? 0) > 0, "web-2 served part of the burst");
    let loggedByWeb2 = 0;
    for (const key of keys) {
      const answered = results.filter((r) => r.key === key && r.status === 200);
      const unsure = results.filter((r) => r.key === key && r.status !== 200).length;
      const acked = answered.filter((r) => r.post).length;
      const log = await send(`${lb}/api/sandbox/log?limit=200`, { key });
      assert.equal(log.status, 200, `GET /api/sandbox/log answered ${log.status}`);
      assert.ok(
        log.body.data.length >= answered.length && log.body.data.length <= answered.length + unsure,
        `every answered request is in the log: ${log.body.data.length} entries, ${answered.length} answered`,
      );
      loggedByWeb2 += log.body.data.filter((e) =>
        e.spans.some((s) => s.name === "instance" && s.desc.includes("web-2")),
      ).length;
      await assertVisitsCounted(lb, key, acked, unsure);
    }
    const web2 = by.get("web-2") ?? 0;
    assert.ok(
      loggedByWeb2 >= web2 && loggedByWeb2 <= web2 + failed.length,
      `web-2 wrote its log before it exited: ${loggedByWeb2} entries, ${web2} answers`,
    );
    web[1] = startInstance({ root, name: "web-2", port: ports[1], env });
    await waitHealthy([web[1]]);
  }

  // 3. Postgres down under write load.
  {
    const keys = await Promise.all(Array.from({ length: 12 }, () => newKey(lb)));
    let phase = "up";
    let downAt = 0;
    let upAt = 0;
    const acked = [];
    const statuses = [];
    const problems = [];
    let stopping = false;
    const writer = async (w) => {
      for (let n = 0; !stopping; n++) {
        const title = `outage-${w}-${n}`;
        const key = keys[(w + n) % keys.length];
        const r = await send(`${lb}/api/v1/todos`, { method: "POST", key, body: { title } });
        statuses.push(`${r.status}`);
        if (r.status === 201) acked.push(title);
        else if (r.status !== 201)
          problems.push({
            phase,
            status: r.status,
            type: r.type,
            retryAfter: r.retryAfter,
            kind: r.body?.type,
            by: r.by,
          });
        if (phase === "back" && r.status === 201) upAt++;
        if (phase === "down" && r.status === 503) downAt++;
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    await until(() => acked.length >= 150, "150 writes before the outage");
    const ackedBefore = acked.length;
    pg.stop();
    phase = "down";
    const stoppedWhen = Date.now();
    await until(() => downAt >= 50 && Date.now() - stoppedWhen >= 3000, "3 s and 50 answers down");
    const healthDown = await send(`${web[0].url}/api/health`);
    pg.start();
    phase = "back";
    await until(() => upAt >= 150, "150 writes after Postgres returned (recovery)");
    stopping = true;
    await Promise.all(writers);
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    const stored = new Set(
      (await sql`select title from todo where title like 'outage-%'`).map((r) => r.title),
    );
    await sql.end();
    const lost = acked.filter((t) => !stored.has(t));
    const counts = tally(statuses);
    const unavailableBy = tally(problems.map((p) => `${p.status} by ${p.by}`));
    console.log(
      `3. Postgres stopped after ${ackedBefore} writes, down ≥3 s: ${statuses.length} answers (${show(counts)}; ${show(unavailableBy)}); acknowledged ${acked.length}, lost ${lost.length}; written though unacknowledged ${stored.size - acked.length + lost.length}; /api/health while down: ${healthDown.status} ${JSON.stringify({ postgres: healthDown.body.postgres, redis: healthDown.body.redis })}`,
    );
    assert.equal(lost.length, 0, "every acknowledged write survives");
    assert.ok(counts.get("503") > 0, "the outage was seen (503s)");
    assert.deepEqual(
      [...counts.keys()].sort(),
      ["201", "503"],
      "only 201 or 503: never 500, 502 or no answer",
    );
    assert.ok(
      problems.every(
        (p) =>
          p.type === "application/problem+json" &&
          Number(p.retryAfter) > 0 &&
          (p.by === "nginx"
            ? p.kind === "about:blank"
            : p.kind.endsWith("#when-the-database-is-down")),
      ),
      "every 503 is problem+json with Retry-After, the app's or (no instance left) nginx's",
    );
    assert.equal(healthDown.status, 503);
    assert.equal(healthDown.body.postgres, "down");
    for (const w of web)
      assert.equal((await send(`${w.url}/api/health`)).status, 200, `${w.name} healthy again`);
  }
  // 4. An instance that starts while Postgres is down (a container started beside it, a
  // database waking from sleep) serves anyway: 503 problems until Postgres is there, then 201.
  {
    const key = await newKey(lb);
    pg.stop();
    const late = startInstance({ root, name: "web-3", port: await freePort(), env });
    try {
      let live;
      await until(async () => {
        live = await send(`${late.url}/api/health/live`);
        return typeof live.status === "number";
      }, "web-3 listening");
      const health = await send(`${late.url}/api/health`);
      const down = await send(`${late.url}/api/v1/todos`, { key });
      pg.start();
      let back;
      await until(async () => {
        back = await send(`${late.url}/api/v1/todos`, {
          method: "POST",
          key,
          body: { title: "after a late start" },
        });
        return back.status === 201;
      }, "web-3 writing once Postgres is back");
      console.log(
        `4. web-3 started with Postgres down: /api/health/live ${live.status}, /api/health ${health.status} (postgres ${health.body?.postgres}); GET /api/v1/todos while down ${down.status} ${down.type}; POST once back ${back.status}`,
      );
      assert.equal(live.status, 200, "a server started without its database is alive");
      assert.equal(health.status, 503);
      assert.equal(health.body.postgres, "down");
      assert.equal(down.status, 503);
      assert.equal(down.type, "application/problem+json");
      assert.ok(Number(down.retryAfter) > 0, "the 503 says when to retry");
    } finally {
      if (!late.proc.exited) process.kill(-late.proc.pid, "SIGTERM");
    }
  }
  console.log("cluster test: passed");
  process.exitCode = 0;
} catch (error) {
  console.error("cluster test: FAILED\n", error);
  process.exitCode = 1;
} finally {
  clearTimeout(overall);
  await stopAll();
  try {
    pg?.stop();
  } catch {}
  if (pg) rmSync(pg.dir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
