// The printed table, the ratios, and results/latest.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** [label, numerator scenario id, denominator scenario id] — throughput ratios worth reading. */
export const RATIOS = [
  ["Todo GET / hello", "todo-get", "hello"],
  ["Todo GET / bare GET", "todo-get", "bare-get"],
  ["Todo POST / bare POST", "todo-post", "bare-post"],
  ["Todo POST / hello", "todo-post", "hello"],
  ["Todo POST spread / bare POST spread", "todo-post-spread", "bare-post-spread"],
  ["Todo POST spread / Todo POST", "todo-post-spread", "todo-post"],
  ["Blog posts / Todo GET", "blog-posts", "todo-get"],
  ["Blog posts / hello", "blog-posts", "hello"],
  ["Catalog HIT / hello", "catalog-hit", "hello"],
  ["SQL console SELECT / Todo GET", "sql-select", "todo-get"],
  ["SQL console SELECT / hello", "sql-select", "hello"],
  ["Login / hello", "login", "hello"],
  ["Auth me / hello", "me", "hello"],
  ["Auth me / Todo GET", "me", "todo-get"],
  ["hello / bare hello", "hello", "bare-hello"],
  ["bare GET / bare hello", "bare-get", "bare-hello"],
  ["json-server GET / hello", "json-get", "hello"],
  ["json-server POST / hello", "json-post", "hello"],
  ["Todo GET / json-server GET", "todo-get", "json-get"],
  ["Todo POST / json-server POST", "todo-post", "json-post"],
];

/** The same ratios for `next start` on another Node (rows `<id>@<runtime>`), and across runtimes. */
export function runtimeRatios(runtime) {
  const on = (id) => `${id}@${runtime}`;
  return [
    [`Todo GET / hello, ${runtime}`, on("todo-get"), on("hello")],
    [`Shop products / hello, ${runtime}`, on("shop-products"), on("hello")],
    [`hello, ${runtime} / default node`, on("hello"), "hello"],
    [`Todo GET, ${runtime} / default node`, on("todo-get"), "todo-get"],
    [`Shop products, ${runtime} / default node`, on("shop-products"), "shop-products"],
  ];
}

const round2 = (n) => Math.round(n * 100) / 100;

export function ratios(results, runtime) {
  const byId = new Map(results.map((r) => [r.id, r]));
  const list = runtime ? [...RATIOS, ...runtimeRatios(runtime)] : RATIOS;
  return list.flatMap(([label, a, b]) => {
    const x = byId.get(a);
    const y = byId.get(b);
    if (!x || !y?.reqPerSec || !y.p50Ms) return [];
    return [
      {
        label,
        reqPerSec: round2(x.reqPerSec / y.reqPerSec),
        p50: round2(x.p50Ms / y.p50Ms),
        p99: y.p99Ms ? round2(x.p99Ms / y.p99Ms) : undefined,
        cpuPerRequest:
          x.cpuMsPerRequest && y.cpuMsPerRequest
            ? round2(x.cpuMsPerRequest / y.cpuMsPerRequest)
            : undefined,
      },
    ];
  });
}

function table(headers, rows, alignRight) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (alignRight[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join("  ");
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const fixed = (n, digits) => (n === undefined ? "-" : n.toFixed(digits));

export function formatResults(results) {
  const rows = results.map((r) => [
    r.target,
    r.route,
    fixed(r.reqPerSec, 0),
    fixed(r.p50Ms, 1),
    fixed(r.p99Ms, 1),
    `${r.errors}/${r.non2xx}`,
    fixed(r.cpuMsPerRequest, 2),
    fixed(r.dbCpuMsPerRequest, 2),
    fixed(r.serialP50Ms, 2),
  ]);
  const headers = [
    ...["target", "route", "req/s", "p50 ms", "p99 ms", "errors/non-2xx"],
    ...["CPU ms/req", "DB CPU ms/req", "1-by-1 p50 ms"],
  ];
  return table(headers, rows, [false, false, true, true, true, true, true, true, true]);
}

const times = (n) => (n === undefined ? "-" : `${n.toFixed(2)}x`);

/** Medians, and each round's req/s ratio (every ratio computed within its own round). */
export function formatRatios(list) {
  const rows = list.map((r) => [
    r.label,
    times(r.reqPerSec),
    times(r.p50),
    times(r.p99),
    times(r.cpuPerRequest),
    r.rounds ? r.rounds.map((x) => x.reqPerSec.toFixed(2)).join(" ") : "-",
  ]);
  return table(
    ["ratio", "req/s", "p50 latency", "p99 latency", "server CPU/req", "req/s per round"],
    rows,
    [false, true, true, true, true, false],
  );
}

/**
 * Issue 9 §6: Todo GET at 0.8× hello's req/s or better, with a p99 at most 1.2× hello's; a
 * cached catalog read (HIT) at 0.9× hello's req/s or better.
 */
export const GOALS = [
  { ratio: "Todo GET / hello", field: "reqPerSec", goal: 0.8, at: "least" },
  { ratio: "Todo GET / hello", field: "p99", goal: 1.2, at: "most" },
  { ratio: "Catalog HIT / hello", field: "reqPerSec", goal: 0.9, at: "least" },
];

export function formatGoals(list, runtime) {
  const byLabel = new Map(list.map((r) => [r.label, r]));
  const lines = [];
  for (const on of runtime ? [undefined, runtime] : [undefined]) {
    for (const g of GOALS) {
      const label = on ? `${g.ratio}, ${on}` : g.ratio;
      const r = byLabel.get(label);
      if (!r) continue;
      const met = (x) => (g.at === "least" ? x >= g.goal : x <= g.goal);
      const perRound = r.rounds.map((x) => x[g.field]);
      const name = g.field === "reqPerSec" ? "req/s" : "p99 latency";
      lines.push(
        `${label}, ${name}: goal ${g.at === "least" ? ">=" : "<="} ${g.goal}x; median ${times(r[g.field])} ` +
          `(${met(r[g.field]) ? "met" : "NOT met"}), rounds ${perRound.map(times).join(" ")} ` +
          `(${perRound.filter(met).length} of ${perRound.length} met)`,
      );
    }
  }
  return lines.join("\n");
}

export function formatSpans(title, stats) {
  if (!stats) return "";
  const rows = Object.entries(stats).map(([name, s]) => [name, fixed(s.p50, 2), fixed(s.p99, 2)]);
  return `${title}\n${table(["span", "p50 ms", "p99 ms"], rows, [false, true, true])}`;
}

export function writeResults(file, data) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
