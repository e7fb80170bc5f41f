// node bench/lighthouse.mjs <base URL> [path …] — Lighthouse performance (mobile, its default
// simulated throttling) of pages of an already running production build: score, TBT, LCP, CLS.
// It starts no server. LH_RUNS=3 runs every page three times and reports the medians.
// LH_OUT=<dir> also writes each run's full report (JSON) there, e.g. to read its diagnostics:
// bootup-time, mainthread-work-breakdown, dom-size, long-tasks.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const DEFAULT_PATHS = ["/", "/learn/http-and-rest", "/learn/todo-api"];
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
const paths = rest.length > 0 ? rest : DEFAULT_PATHS;
const runs = Number(process.env.LH_RUNS ?? 1);
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

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: CHROME_FLAGS,
});
const rows = [];
try {
  for (const page of paths) {
    const url = new URL(page, base).href;
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const file = outDir ? path.join(outDir, `${reportName(page)}-${i + 1}.json`) : null;
      const sample = await measure(url, chrome.port, file);
      samples.push(sample);
      if (runs > 1) console.error(`${page} run ${i + 1}: ${JSON.stringify(sample)}`);
    }
    const pick = (key) => median(samples.map((s) => s[key]));
    rows.push({
      path: page,
      score: pick("score"),
      tbt: pick("tbt"),
      lcp: pick("lcp"),
      cls: pick("cls"),
    });
  }
} finally {
  await chrome.kill();
}

const header = ["page", "performance", "TBT (ms)", "LCP (s)", "CLS"];
const table = rows.map((r) => [
  r.path,
  String(r.score),
  r.tbt.toFixed(0),
  (r.lcp / 1000).toFixed(2),
  r.cls.toFixed(3),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(
  `Lighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ""}mobile, performance — ${base}`,
);
console.log(line(header));
for (const row of table) console.log(line(row));
