// node bench/page-weight.mjs <base URL> [path …] — what pages of a running production build weigh
// at load, in figures that do not depend on how busy the machine is: HTML bytes, DOM elements,
// JavaScript fetched before any scrolling, and how much React hydrates (the components it renders
// on the client). It starts no server; Chromium from CHROME_PATH (default /usr/bin/chromium).
// Without paths it measures / and every lesson page (bench/lib/pages.mjs).
import { gzipSync } from "node:zlib";
import { chromium } from "playwright";
import { sitePages } from "./lib/pages.mjs";

// Lighthouse's mobile screen (a Moto G Power), so "near the viewport" means the same thing.
const VIEWPORT = { width: 412, height: 823 };

const [base, ...rest] = process.argv.slice(2);
if (!base || !/^https?:\/\//.test(base)) {
  console.error(
    "usage: node bench/page-weight.mjs <base URL, e.g. http://127.0.0.1:3000> [path …]",
  );
  process.exit(2);
}
const paths = rest.length > 0 ? rest : sitePages();

/**
 * Stands in for React DevTools: React announces every commit to this hook, and the committed tree
 * tells what was rendered on the client. Fiber tags: 0 function, 1 class, 11 forwardRef, 14 memo,
 * 15 simple memo component (all client components: server components are not in the client tree);
 * 5 host element.
 */
function installHook() {
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const seen = { commits: 0, components: 0, hosts: 0 };
  const count = (root) => {
    let components = 0;
    let hosts = 0;
    const stack = [root.current];
    while (stack.length > 0) {
      const fiber = stack.pop();
      if (!fiber) continue;
      if (COMPONENT_TAGS.has(fiber.tag)) components++;
      else if (fiber.tag === 5) hosts++;
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
    return { components, hosts };
  };
  window.__pageWeight = seen;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      this.renderers.set(1, renderer);
      return 1;
    },
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      seen.commits++;
      Object.assign(seen, count(root));
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
}

const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "loading",
  "__metadata",
];

/**
 * The renderer's main-thread work in a trace, in thread CPU time (what the thread really ran,
 * not how long it waited for a core, so a busy machine inflates it far less than wall time):
 * all of it, and the blocking time it would make on a phone four times slower (Lighthouse's
 * mobile CPU throttling): each task from first contentful paint on, times 4, minus 50 ms.
 */
function mainThreadWork(trace) {
  const events = JSON.parse(trace.toString("utf8")).traceEvents;
  const mains = events.filter(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  const fcp = events.find((e) => e.name === "firstContentfulPaint");
  let best = { cpu: 0, blocking: 0 };
  for (const main of mains) {
    const tasks = events.filter(
      (e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.name === "RunTask",
    );
    const cpu = tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
    const from = fcp?.pid === main.pid ? fcp.ts : 0;
    const blocking = tasks
      .filter((e) => e.ts >= from)
      .reduce((sum, e) => sum + Math.max(0, (4 * (e.tdur ?? 0)) / 1000 - 50), 0);
    if (cpu > best.cpu) best = { cpu, blocking };
  }
  return best;
}

async function weigh(browser, page) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const tab = await context.newPage();
  await tab.addInitScript(installHook);
  const scripts = [];
  let html = null;
  tab.on("response", async (res) => {
    const type = res.request().resourceType();
    if (type !== "script" && type !== "document") return;
    const body = await res.body().catch(() => null);
    if (!body) return;
    if (type === "document") html = body;
    else scripts.push({ url: res.url(), raw: body.length, gzip: gzipSync(body).length });
  });
  await browser.startTracing(tab, { categories: TRACE_CATEGORIES });
  await tab.goto(new URL(page, base).href, { waitUntil: "load" });
  // Hydration and the consoles near the viewport finish after load: wait until React has been
  // quiet (no commit) for two seconds, timed in the page.
  await tab.waitForFunction(
    () => {
      const { commits } = window.__pageWeight;
      window.__quiet ??= { commits: -1, since: 0 };
      const quiet = window.__quiet;
      if (commits !== quiet.commits) {
        Object.assign(quiet, { commits, since: performance.now() });
        return false;
      }
      return performance.now() - quiet.since >= 2000;
    },
    undefined,
    { polling: 250, timeout: 60_000 },
  );
  const dom = await tab.evaluate(() => ({
    elements: document.getElementsByTagName("*").length,
    consoles: [...document.querySelectorAll('[data-testid="console"]')].map((c) => c.dataset.state),
    react: window.__pageWeight,
  }));
  const work = mainThreadWork(await browser.stopTracing());
  await context.close();
  const states = {};
  for (const s of dom.consoles) states[s] = (states[s] ?? 0) + 1;
  return {
    path: page,
    htmlBytes: html?.length ?? 0,
    htmlGzip: html ? gzipSync(html).length : 0,
    elements: dom.elements,
    jsFiles: scripts.length,
    jsBytes: scripts.reduce((sum, s) => sum + s.raw, 0),
    jsGzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
    clientComponents: dom.react.components,
    hydratedElements: dom.react.hosts,
    mainCpu: work.cpu,
    blocking4x: work.blocking,
    consoles: Object.entries(states)
      .map(([state, n]) => `${n} ${state}`)
      .join(", "),
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const rows = [];
try {
  for (const page of paths) rows.push(await weigh(browser, page));
} finally {
  await browser.close();
}

const kb = (n) => (n / 1024).toFixed(1);
const header = [
  "page",
  "HTML KB",
  "HTML gz KB",
  "elements",
  "JS files",
  "JS KB",
  "JS gz KB",
  "client components",
  "React elements",
  "main CPU ms",
  "blocking@4x ms",
  "consoles at load",
];
const table = rows.map((r) => [
  r.path,
  kb(r.htmlBytes),
  kb(r.htmlGzip),
  String(r.elements),
  String(r.jsFiles),
  kb(r.jsBytes),
  kb(r.jsGzip),
  String(r.clientComponents),
  String(r.hydratedElements),
  r.mainCpu.toFixed(0),
  r.blocking4x.toFixed(0),
  r.consoles || "-",
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(`Page weight at load (${VIEWPORT.width}×${VIEWPORT.height}, no scrolling) — ${base}`);
console.log(line(header));
for (const row of table) console.log(line(row));
