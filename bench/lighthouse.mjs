// node bench/lighthouse.mjs <base URL> [path …] — Lighthouse performance (mobile, its default
// simulated throttling) of pages of an already running production build: score, TBT, LCP, CLS.
// It starts no server. LH_RUNS=3 runs every page three times and reports the medians.
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
if (!Number.isInteger(runs) || runs < 1) throw new Error("LH_RUNS must be a whole number >= 1");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One Lighthouse run of one page: the figures we report. */
async function measure(url, port) {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    tbt: audit("total-blocking-time"),
    lcp: audit("largest-contentful-paint"),
    cls: audit("cumulative-layout-shift"),
  };
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: CHROME_FLAGS,
});
const rows = [];
try {
  for (const path of paths) {
    const url = new URL(path, base).href;
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const sample = await measure(url, chrome.port);
      samples.push(sample);
      if (runs > 1) console.error(`${path} run ${i + 1}: ${JSON.stringify(sample)}`);
    }
    const pick = (key) => median(samples.map((s) => s[key]));
    rows.push({ path, score: pick("score"), tbt: pick("tbt"), lcp: pick("lcp"), cls: pick("cls") });
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
