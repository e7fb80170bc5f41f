// node bench/lighthouse.mjs <base URL> [path …] — Lighthouse performance (mobile, its default
// simulated throttling) of pages of an already running production build: score, TBT, LCP, CLS.
// In the same run it measures the floor: bench/floor-app, a bare Next.js App Router page (one
// <h1>, one <p>) built with this repository's next and react, which it builds if need be, starts
// on a free port and stops at the end; every page's TBT is also reported minus the floor's.
// Without paths it measures / and every lesson page (bench/lib/pages.mjs).
// LH_FLOOR=0 leaves the floor out. LH_RUNS=3 runs every page three times, interleaved (floor run
// 1, each page run 1, floor run 2, …), and reports the medians.
// LH_OUT=<dir> also writes each run's full report (JSON) there, e.g. to read its diagnostics:
// bootup-time, mainthread-work-breakdown, dom-size, long-tasks.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { sitePages } from "./lib/pages.mjs";
import { freePort, startProcess, stopAll, waitForHttp } from "./lib/processes.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FLOOR_DIR = path.join(root, "bench/floor-app");
const FLOOR_LABEL = "floor (bare Next.js page)";
const NEXT_BIN = path.join(root, "node_modules/next/dist/bin/next");
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
];

const [base, ...rest] = process.argv.slice(2);
if (!base || !/^https?:\/\//.test(base)) {
  console.error("usage: node bench/lighthouse.mjs <base URL, e.g. http://127.0.0.1:3000> [path …]");
  process.exit(2);
}
const paths = rest.length > 0 ? rest : sitePages();
const runs = Number(process.env.LH_RUNS ?? 1);
const withFloor = process.env.LH_FLOOR !== "0";
const outDir = process.env.LH_OUT;
if (outDir) mkdirSync(outDir, { recursive: true });
if (!Number.isInteger(runs) || runs < 1) throw new Error("LH_RUNS must be a whole number >= 1");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One Lighthouse run of one page: the figures we report. */
async function measure(url, port, file) {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  if (file) writeFileSync(file, JSON.stringify(lhr));
  const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    tbt: audit("total-blocking-time"),
    lcp: audit("largest-contentful-paint"),
    cls: audit("cumulative-layout-shift"),
  };
}

/** `/` → `root`, `/learn/todo-api` → `learn-todo-api`. */
const reportName = (page) => page.replace(/^\/+|\/+$/g, "").replace(/[^a-z0-9]+/gi, "-") || "root";

const nextVersion = JSON.parse(
  readFileSync(path.join(root, "node_modules/next/package.json"), "utf8"),
).version;

/**
 * Builds bench/floor-app (webpack, as `npm run build` builds the app) unless it holds a build
 * made with the installed next; the build's output goes to stderr, the report stays on stdout.
 */
function ensureFloorBuild() {
  const stamp = path.join(FLOOR_DIR, ".next/bench-next-version");
  const built =
    existsSync(path.join(FLOOR_DIR, ".next/BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8").trim() === nextVersion;
  if (built) return;
  console.error(`Building the floor app (bench/floor-app) with next ${nextVersion}`);
  const build = spawnSync(process.execPath, [NEXT_BIN, "build", "--webpack"], {
    cwd: FLOOR_DIR,
    stdio: ["ignore", process.stderr, process.stderr],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build of bench/floor-app failed");
  writeFileSync(stamp, `${nextVersion}\n`);
}

/** `next start` of the floor app on a free loopback port. */
async function startFloor() {
  ensureFloorBuild();
  const port = await freePort();
  const proc = startProcess(
    "floor (next start)",
    process.execPath,
    [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: FLOOR_DIR,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, proc);
  return url;
}

/** Chromium, once launched: cleanup stops it. */
let chrome;
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    try {
      chrome?.kill();
    } catch {
      // Already gone.
    }
    await stopAll();
  })();
  return cleaning;
}
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping Chromium and the floor app`);
    cleanup().finally(() => process.exit(130));
  });
}

/** The targets, the floor first; each gathers its runs' samples. */
const targets = paths.map((page) => ({
  label: page,
  url: new URL(page, base).href,
  name: reportName(page),
  samples: [],
}));
let loadBefore;
try {
  if (withFloor) {
    const url = await startFloor();
    targets.unshift({ label: FLOOR_LABEL, url, name: "floor", floor: true, samples: [] });
  }
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
    handleSIGINT: false,
  });
  loadBefore = os.loadavg();
  // Run i of every target before run i + 1 of any, so a burst of load from a shared machine
  // falls on one run of each rather than on all runs of one.
  for (let i = 0; i < runs; i++) {
    for (const target of targets) {
      const file = outDir ? path.join(outDir, `${target.name}-${i + 1}.json`) : null;
      const sample = await measure(target.url, chrome.port, file);
      target.samples.push(sample);
      if (runs > 1) console.error(`${target.label} run ${i + 1}: ${JSON.stringify(sample)}`);
    }
  }
} catch (error) {
  // After a signal, whatever was in flight fails as Chromium goes away; that is not news.
  if (!interrupted) console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
if (interrupted) process.exit(130);
if (process.exitCode) process.exit();

const floor = targets.find((t) => t.floor);
const rows = targets.map((t) => {
  const pick = (key) => median(t.samples.map((s) => s[key]));
  return {
    label: t.label,
    score: pick("score"),
    tbt: pick("tbt"),
    // Within each run (the floor measured moments before), then the median over the runs.
    overFloor:
      floor && !t.floor ? median(t.samples.map((s, i) => s.tbt - floor.samples[i].tbt)) : undefined,
    lcp: pick("lcp"),
    cls: pick("cls"),
  };
});

const signed = (ms) => `${ms >= 0 ? "+" : "−"}${Math.abs(ms).toFixed(0)}`;
const header = [
  "page",
  "performance",
  "TBT (ms)",
  ...(floor ? ["TBT − floor"] : []),
  "LCP (s)",
  "CLS",
];
const table = rows.map((r) => [
  r.label,
  String(r.score),
  r.tbt.toFixed(0),
  ...(floor ? [r.overFloor === undefined ? "" : signed(r.overFloor)] : []),
  (r.lcp / 1000).toFixed(2),
  r.cls.toFixed(3),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
const loadAfter = os.loadavg();
console.log(
  `Lighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ""}mobile, performance — ${base}` +
    ` (${os.cpus().length} CPUs, load average ${loadBefore[0].toFixed(2)} before, ` +
    `${loadAfter[0].toFixed(2)} after)`,
);
console.log(line(header));
for (const row of table) console.log(line(row));
if (floor) {
  const floorRow = rows[0];
  const tbts = floor.samples.map((s) => s.tbt.toFixed(0)).join(", ");
  console.log(
    `\nFloor: bench/floor-app, a bare Next.js ${nextVersion} App Router page (one <h1>, one <p>)` +
      ` — median TBT ${floorRow.tbt.toFixed(0)} ms, score ${floorRow.score}` +
      `${runs > 1 ? ` (TBT of each run: ${tbts} ms)` : ""}.` +
      `\nTBT − floor: each run's TBT minus the floor's in the same round, median over the runs.`,
  );
}
