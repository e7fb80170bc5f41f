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
  ["hello / bare hello", "hello", "bare-hello"],
  ["bare GET / bare hello", "bare-get", "bare-hello"],
  ["json-server GET / hello", "json-get", "hello"],
  ["json-server POST / hello", "json-post", "hello"],
  ["Todo GET / json-server GET", "todo-get", "json-get"],
  ["Todo POST / json-server POST", "todo-post", "json-post"],
];

export function ratios(results) {
  const byId = new Map(results.map((r) => [r.id, r]));
  return RATIOS.flatMap(([label, a, b]) => {
    const x = byId.get(a);
    const y = byId.get(b);
    if (!x || !y?.reqPerSec || !y.p50Ms) return [];
    return [
      {
        label,
        reqPerSec: Math.round((x.reqPerSec / y.reqPerSec) * 100) / 100,
        p50: Math.round((x.p50Ms / y.p50Ms) * 100) / 100,
        cpuPerRequest:
          x.cpuMsPerRequest && y.cpuMsPerRequest
            ? Math.round((x.cpuMsPerRequest / y.cpuMsPerRequest) * 100) / 100
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
    fixed(r.serialP50Ms, 2),
  ]);
  const headers = [
    ...["target", "route", "req/s", "p50 ms", "p99 ms", "errors/non-2xx"],
    ...["CPU ms/req", "1-by-1 p50 ms"],
  ];
  return table(headers, rows, [false, false, true, true, true, true, true, true]);
}

export function formatRatios(list) {
  const times = (n) => (n === undefined ? "-" : `${n.toFixed(2)}x`);
  const rows = list.map((r) => [r.label, times(r.reqPerSec), times(r.p50), times(r.cpuPerRequest)]);
  return table(["ratio", "req/s", "p50 latency", "server CPU/req"], rows, [
    false,
    true,
    true,
    true,
  ]);
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
