// npm run bench — GET and POST /api/v1/todos on the production build, side by side with the
// build's simplest handler, a bare node:http + postgres.js server and json-server. See README.md.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchDb, createDatabase, dropDatabase, postgresServerProcess } from "./lib/database.mjs";
import { probeServerTiming, runLoad, spanStats, stopLoad, summarize } from "./lib/load.mjs";
import { cpuTimeMs, freePort, memoryOf, stopAll } from "./lib/processes.mjs";
import {
  formatGoals,
  formatRatios,
  formatResults,
  formatSpans,
  ratios,
  writeResults,
} from "./lib/report.mjs";
import { scenarios } from "./lib/scenarios.mjs";
import {
  ADMIN,
  ensureBuild,
  newSandboxKeys,
  prepareBlog,
  prepareSandbox,
  READER,
  readerAccessToken,
  registerReader,
  request,
  startBare,
  startJsonServer,
  startNext,
} from "./lib/servers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Todos in the sandbox (and in json-server's db.json) whenever a scenario starts. */
const TODOS = 20;
/** Posts in the bench sandbox's blog: one page of the Blog API row. */
const BLOG_POSTS = 20;

function numberFromEnv(name, fallback, min) {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min}`);
  return value;
}

const config = {
  seconds: numberFromEnv("BENCH_SECONDS", 10, 1),
  warmupSeconds: numberFromEnv("BENCH_WARMUP_SECONDS", 3, 0),
  connections: numberFromEnv("BENCH_CONNECTIONS", 50, 1),
  // Rounds alternate the targets, so a burst of noise from a shared machine hits one round of
  // each rather than all of one target; the report takes the median of every figure.
  rounds: numberFromEnv("BENCH_ROUNDS", 1, 1),
  only: process.env.BENCH_ONLY?.split(",").map((id) => id.trim()),
  adminUrl: process.env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres",
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Another Node binary: the rows in ALT_ROWS run on a second `next start` under it as well.
  altNode: process.env.BENCH_NODE_ALT || undefined,
};

/** The rows measured on both runtimes when BENCH_NODE_ALT is set. */
const ALT_ROWS = ["hello", "todo-get", "shop-products"];

/** `node24` for a Node 24 binary. */
function runtimeOf(node) {
  const version = execFileSync(node, ["--version"]).toString().trim();
  return { version, label: `node${version.replace(/^v/, "").split(".")[0]}` };
}

/** Every scenario, and after each row of ALT_ROWS the same row on the other runtime. */
function allScenarios(args, altUrl, runtime) {
  const base = scenarios(args);
  if (!altUrl) return base;
  const alt = new Map(scenarios({ ...args, next: altUrl }).map((s) => [s.id, s]));
  return base.flatMap((s) => {
    const other = alt.get(s.id);
    if (!ALT_ROWS.includes(s.id) || !other) return [s];
    return [
      s,
      { ...other, id: `${s.id}@${runtime}`, server: "nextAlt", target: `next (${runtime})` },
    ];
  });
}

/** What cleanup must undo, filled in as setup goes. */
const state = { dbName: undefined, bench: undefined, tmp: undefined };

/**
 * Runs `work`; for a row that declares `trimTodos` (it POSTs todos into one sandbox), trims that
 * sandbox's new todos every 250 ms meanwhile (at 50 connections a row writes thousands, past the
 * API's cap of 1,000).
 */
async function trimmingWhile(s, sandboxId, work) {
  if (!s.trimTodos) return work();
  let trimming = Promise.resolve();
  const timer = setInterval(() => {
    trimming = trimming.then(() => state.bench.trimTodos(sandboxId, 200)).catch(() => {});
  }, 250);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await trimming;
  }
}

async function runScenario(s, { sandboxId, proc, postgres }) {
  const { bench } = state;
  const load = {
    ...s.load,
    connections: Math.min(s.maxConnections ?? Infinity, config.connections),
  };
  const reset = async () => {
    if (!s.db) return;
    const left = await bench.resetTodos(sandboxId);
    if (left !== TODOS) throw new Error(`the sandbox holds ${left} todos, not ${TODOS}`);
  };

  const { res, body } = await request(load.url, load);
  if (!s.check(body, res)) {
    throw new Error(`${s.target} ${s.route} answered ${res.status} ${JSON.stringify(body)}`);
  }
  console.log(`${s.target} ${s.route}: warm-up ${config.warmupSeconds}s, then ${config.seconds}s`);
  if (config.warmupSeconds > 0)
    await trimmingWhile(s, sandboxId, () => runLoad({ ...load, seconds: config.warmupSeconds }));
  await reset();

  const serverTiming = {};
  let serial;
  if (s.probe) {
    const stats = await probeServerTiming({ url: load.url, init: load, count: s.probe });
    serial = stats.client;
    if (s.logSpans) serverTiming.unloaded = stats;
    await reset();
  }
  const logStart = await bench.maxLogId();
  const cpuStart = cpuTimeMs(proc);
  const dbCpuStart = postgres && cpuTimeMs(postgres);
  const result = summarize(
    await trimmingWhile(s, sandboxId, () => runLoad({ ...load, seconds: config.seconds })),
  );
  // The server's own CPU time per completed request: the work a request costs, apart from how
  // much of the cores the server got (the database's CPU is not in it).
  const cpu = cpuTimeMs(proc) - cpuStart;
  result.cpuMsPerRequest = result.requests
    ? Math.round((cpu / result.requests) * 100) / 100
    : undefined;
  // The database's CPU per request (every backend, the request log's writes included), when
  // Postgres runs on this machine: it shares the cores with the server.
  const dbCpu = dbCpuStart === undefined ? undefined : cpuTimeMs(postgres) - dbCpuStart;
  result.dbCpuMsPerRequest =
    dbCpu !== undefined && result.requests
      ? Math.round((dbCpu / result.requests) * 100) / 100
      : undefined;
  if (s.logSpans) {
    await bench.settle();
    const entries = await bench.routeLogEntries({
      sandboxId: s.logSpans === "sandbox" ? sandboxId : undefined,
      method: load.method ?? "GET",
      afterId: logStart,
    });
    serverTiming.underLoad = spanStats(
      entries.map((e) => ({
        ...Object.fromEntries(e.spans.map((span) => [span.name, span.dur])),
        total: e.durationMs,
      })),
    );
    serverTiming.underLoadSamples = entries.length;
  }
  await reset();
  return {
    id: s.id,
    target: s.target,
    route:
      load.connections === config.connections
        ? s.route
        : `${s.route} at ${load.connections} connections`,
    ...result,
    serialP50Ms: serial?.p50,
    serialP99Ms: serial?.p99,
    ...(s.logSpans && { serverTiming }),
  };
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number").sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
};

/** Per scenario, the round with the median req/s (its other figures come with it). */
function medianRows(rounds) {
  return rounds[0].map((_row, i) => {
    const runs = rounds.map((results) => results[i]);
    const mid = median(runs.map((r) => r.reqPerSec));
    return { ...runs.find((r) => r.reqPerSec === mid), rounds: runs.map((r) => r.reqPerSec) };
  });
}

/** Each ratio's median over the rounds, every ratio computed within its own round. */
function medianRatios(perRound) {
  return perRound[0].map((ratio, i) => {
    const same = perRound.map((round) => round[i]);
    return {
      ...Object.fromEntries(
        Object.entries(ratio).map(([k, v]) => [
          k,
          typeof v === "number" ? median(same.map((r) => r[k])) : v,
        ]),
      ),
      rounds: same,
    };
  });
}

function gitDescription() {
  try {
    const git = (...args) =>
      execFileSync("git", args, { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString();
    const dirty = git("status", "--porcelain").length > 0;
    return `${git("rev-parse", "--short", "HEAD").trim()}${dirty ? " (working tree modified)" : ""}`;
  } catch {
    return undefined;
  }
}

function print(report, nextOutput) {
  const cpus = report.cpus;
  const [before, after] = [report.loadAverage.before[0], report.loadAverage.after[0]];
  console.log(
    `\n${report.connections} connections, ${report.seconds}s per row, ${report.rounds} round(s) ` +
      `(medians shown), ${cpus} CPUs, ` +
      `load average ${before.toFixed(2)} before, ${after.toFixed(2)} after\n`,
  );
  if (before > cpus) {
    console.log(
      `Warning: the load average was over ${cpus} before the run: other processes shared the ` +
        "CPUs, so absolute figures are low and noisy (ratios hold up better).\n",
    );
  }
  console.log(formatResults(report.results));
  console.log(`\n${formatRatios(report.ratios)}`);
  const goals = formatGoals(report.ratios, report.altRuntime?.label);
  if (goals) console.log(`\n${goals}`);
  for (const r of report.results.filter((x) => x.serverTiming)) {
    const { unloaded, underLoad, underLoadSamples } = r.serverTiming;
    if (unloaded) {
      console.log(`\n${formatSpans(`${r.route}: Server-Timing, one request at a time`, unloaded)}`);
    }
    const title = `${r.route}: spans in the request log under load (last ${underLoadSamples})`;
    console.log(`\n${formatSpans(title, underLoad)}`);
  }
  const mb = (m) => (m ? `${m.peakRssMb} MB` : "n/a");
  const { next, nextAlt, bare, jsonServer } = report.memory;
  const alt = report.altRuntime ? `, next on ${report.altRuntime.label} ${mb(nextAlt)}` : "";
  console.log(
    `\nPeak RSS (VmHWM): next ${mb(next)}${alt}, bare ${mb(bare)}, json-server ${mb(jsonServer)}`,
  );
  if (nextOutput.trim())
    console.log(`\nnext start output (tail):\n${nextOutput.trim().slice(-1500)}`);
}

async function main() {
  const startedAt = new Date().toISOString();
  const buildId = ensureBuild(root, config.distDir);
  const db = await createDatabase(config.adminUrl);
  state.dbName = db.name;
  console.log(`Database ${db.name}; build ${config.distDir}/ (${buildId})`);

  const databaseUrl = db.url;
  const next = await startNext({ root, port: await freePort(), databaseUrl });
  const altRuntime = config.altNode ? runtimeOf(config.altNode) : undefined;
  const nextAlt = config.altNode
    ? await startNext({ root, port: await freePort(), databaseUrl, node: config.altNode })
    : undefined;
  if (altRuntime) {
    console.log(`next start also on ${altRuntime.label} (${altRuntime.version}): ${nextAlt.url}`);
  }
  const { key, todos } = await prepareSandbox(next.url, TODOS);
  await prepareBlog(next.url, key, BLOG_POSTS);
  const spreadKeys = await newSandboxKeys(next.url, config.connections);
  await registerReader(next.url, key);
  state.bench = benchDb(databaseUrl);
  const sandboxId = await state.bench.sandboxIdForKey(key);
  await state.bench.snapshotTodos();
  const bare = await startBare({ root, port: await freePort(), databaseUrl });
  state.tmp = mkdtempSync(path.join(os.tmpdir(), "bmj-bench-"));
  // json-server serves the very todos the sandbox holds.
  const json = await startJsonServer({ root, port: await freePort(), dir: state.tmp, todos });

  const loadBefore = os.loadavg();
  const urls = { next: next.url, bare: bare.url, json: json.url };
  const postgres = await postgresServerProcess(databaseUrl);
  const procs = { next: next.proc, nextAlt: nextAlt?.proc, bare: bare.proc, json: json.proc };
  const rounds = [];
  for (let round = 1; round <= config.rounds; round++) {
    if (config.rounds > 1) console.log(`\n== round ${round} of ${config.rounds}`);
    const results = [];
    const accessToken = await readerAccessToken(next.url, key);
    const args = {
      ...urls,
      key,
      spreadKeys,
      todos: TODOS,
      posts: BLOG_POSTS,
      accessToken,
      admin: ADMIN,
      reader: READER,
    };
    for (const s of allScenarios(args, nextAlt?.url, altRuntime?.label)) {
      // `todo-get` selects its row on both runtimes.
      if (config.only && !config.only.includes(s.id.split("@")[0])) continue;
      results.push(await runScenario(s, { sandboxId, proc: procs[s.server], postgres }));
    }
    rounds.push(results);
  }
  const results = medianRows(rounds);

  const report = {
    startedAt,
    finishedAt: new Date().toISOString(),
    commit: gitDescription(),
    buildId,
    distDir: config.distDir,
    node: process.version,
    altRuntime,
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    seconds: config.seconds,
    rounds: config.rounds,
    warmupSeconds: config.warmupSeconds,
    connections: config.connections,
    todos: TODOS,
    rateLimitStore: process.env.UPSTASH_REDIS_REST_URL
      ? "upstash"
      : process.env.REDIS_URL
        ? "redis"
        : "memory",
    results,
    ratios: medianRatios(rounds.map((round) => ratios(round, altRuntime?.label))),
    memory: {
      next: memoryOf(next.proc),
      nextAlt: nextAlt && memoryOf(nextAlt.proc),
      bare: memoryOf(bare.proc),
      jsonServer: memoryOf(json.proc),
    },
  };
  print(report, next.proc.output);
  const file = path.join(root, "bench/results/latest.json");
  writeResults(file, report);
  console.log(`\nWrote ${path.relative(root, file)}`);
}

let cleaning;
let interrupted = false;
function cleanup() {
  cleaning ??= (async () => {
    stopLoad();
    await stopAll();
    await state.bench?.end().catch(() => {});
    if (state.dbName) {
      await dropDatabase(config.adminUrl, state.dbName).catch((error) => {
        console.error(`Could not drop ${state.dbName}: ${error.message}`);
      });
    }
    if (state.tmp) rmSync(state.tmp, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the servers and dropping the bench database`);
    cleanup().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  // After a signal, whatever was in flight fails as its servers go away; that is not news.
  if (!interrupted) console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
