// node bench/profile.mjs — where a route's server CPU goes under load: `next start` runs under
// node --cpu-prof, one row of the bench is loaded, and the samples taken during the measured
// seconds are summed by function (self time) and by where the code lives. See README.md.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, dropDatabase } from "./lib/database.mjs";
import { runLoad, stopLoad, summarize } from "./lib/load.mjs";
import { freePort, startProcess, stopProcess, waitForHttp } from "./lib/processes.mjs";
import { ensureBuild, nextEnv, prepareSandbox } from "./lib/servers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const adminUrl = process.env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const seconds = Number(process.env.BENCH_SECONDS || 15);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const top = Number(process.env.PROFILE_TOP || 40);
/** `hello`, `todo-get` or `catalog-hit`. */
const row = process.env.PROFILE_ROW || "todo-get";

/** Where a function's code lives, by its script URL. */
function placeOf(url) {
  if (!url) return "(native/gc/idle)";
  if (url.startsWith("node:")) return "node internals";
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) {
    if (m[1] === "next") {
      if (url.includes("/compiled/")) return "next (compiled deps)";
      return "next";
    }
    return m[1];
  }
  if (url.includes(`/${distDir}/server/`)) return "app bundle";
  return url.replace(/^file:\/\//, "").replace(root, ".");
}

function analyze(profile, fromUs, toUs) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const selfUs = new Map();
  let t = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < fromUs || t > toUs) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    total += dt;
  });
  const byFunction = new Map();
  const byPlace = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || "(anonymous)";
    const place = placeOf(callFrame.url);
    const key =
      name === "(idle)" || name === "(garbage collector)" || name === "(program)"
        ? name
        : `${name}  ${place}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const where = name.startsWith("(") ? name : place;
    byPlace.set(where, (byPlace.get(where) ?? 0) + us);
  }
  // Inclusive time of the app bundle's functions: each sample counts once for every distinct
  // function of ours on its stack.
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const { callFrame } = byId.get(at);
      if (placeOf(callFrame.url) !== "app bundle" || !callFrame.functionName) continue;
      const key = `${callFrame.functionName}:${callFrame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const busy = total - (byPlace.get("(idle)") ?? 0);
  const pct = (us) => `${((us / busy) * 100).toFixed(1)}%`;
  const list = (map) =>
    [...map]
      .filter(([k]) => k !== "(idle)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${pct(us).padStart(6)}  ${k}`)
      .join("\n");
  return {
    busyMs: busy / 1000,
    places: list(byPlace),
    functions: list(byFunction),
    ours: list(inclusive),
  };
}

const state = {};
async function main() {
  ensureBuild(root, distDir);
  const db = await createDatabase(adminUrl);
  state.db = db.name;
  state.profiles = mkdtempSync(path.join(os.tmpdir(), "bmj-profile-"));
  const port = await freePort();
  const startedAt = performance.now() + performance.timeOrigin;
  const proc = startProcess(
    "next start",
    process.execPath,
    [
      "--cpu-prof",
      `--cpu-prof-dir=${state.profiles}`,
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    { cwd: root, env: nextEnv(db.url) },
  );
  state.proc = proc;
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, proc);
  const { key } = await prepareSandbox(url, 20);
  const paths = {
    hello: "/api/health/live",
    "todo-get": "/api/v1/todos?limit=20",
    "catalog-hit": "/api/v1/shop/products/7",
  };
  if (!(row in paths)) throw new Error(`PROFILE_ROW must be one of ${Object.keys(paths)}`);
  const load = { url: `${url}${paths[row]}`, headers: { "x-sandbox-key": key } };
  console.log(`${row}: warm-up 5s, then ${seconds}s profiled at ${connections} connections`);
  await runLoad({ ...load, connections, seconds: 5 });
  const from = performance.now() + performance.timeOrigin;
  const result = summarize(await runLoad({ ...load, connections, seconds }));
  const to = performance.now() + performance.timeOrigin;
  // SIGTERM to the server alone: Next closes and exits, and node writes the profile on exit.
  process.kill(proc.pid, "SIGTERM");
  for (let i = 0; i < 100 && !proc.exited; i++) await new Promise((r) => setTimeout(r, 100));
  const [file] = readdirSync(state.profiles).filter((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written:\n${proc.output}`);
  const profile = JSON.parse(readFileSync(path.join(state.profiles, file), "utf8"));
  // The profile's clock starts with the process; the load's window in it, from wall clock.
  const offsetUs = (ms) => profile.startTime + (ms - startedAt) * 1000;
  const { busyMs, places, functions, ours } = analyze(profile, offsetUs(from), offsetUs(to));
  console.log(
    `\n${Math.round(result.reqPerSec)} req/s, ${result.requests} requests, ` +
      `${(busyMs / result.requests).toFixed(3)} ms of sampled CPU per request\n`,
  );
  console.log(`Self time by place:\n${places}\n\nSelf time by function:\n${functions}`);
  console.log(`\nInclusive time of the app bundle's functions:\n${ours}`);
  if (process.env.PROFILE_KEEP) {
    writeFileSync(process.env.PROFILE_KEEP, JSON.stringify(profile));
    console.log(`\nProfile kept in ${process.env.PROFILE_KEEP} (Chrome DevTools, Performance tab)`);
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  stopLoad();
  await stopProcess(state.proc);
  if (state.db) await dropDatabase(adminUrl, state.db).catch(() => {});
  if (state.profiles) rmSync(state.profiles, { recursive: true, force: true });
}
