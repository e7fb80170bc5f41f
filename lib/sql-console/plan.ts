import type { PlanNode } from "./contract";

/**
 * EXPLAIN's JSON format as the console's plan tree, and as the text lines psql would print (the
 * console runs an EXPLAIN once, in JSON, and shows both from that one run).
 */

type JsonPlan = Record<string, unknown> & { Plans?: JsonPlan[] };
type JsonExplain = Record<string, unknown> & { Plan: JsonPlan };

const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

const CONDITIONS = [
  "Index Cond",
  "Hash Cond",
  "Merge Cond",
  "Join Filter",
  "Recheck Cond",
  "Filter",
];

/** The node's name as the text format prints it: HashAggregate, Hash Left Join, Insert, … */
function nodeName(p: JsonPlan): string {
  const type = str(p["Node Type"]) ?? "?";
  const strategy = str(p.Strategy);
  if (type === "Aggregate" && strategy === "Hashed") return "HashAggregate";
  if (type === "Aggregate" && strategy === "Sorted") return "GroupAggregate";
  if (type === "Aggregate" && strategy === "Mixed") return "MixedAggregate";
  if (type === "ModifyTable") return str(p.Operation) ?? type;
  const join = str(p["Join Type"]);
  if (join && join !== "Inner" && /Join|Nested Loop/.test(type))
    return type === "Nested Loop"
      ? `Nested Loop ${join} Join`
      : type.replace(/Join$/, `${join} Join`);
  if (p["Parallel Aware"] === true) return `Parallel ${type}`;
  return type;
}

export function toPlanNode(p: JsonPlan): PlanNode {
  const filter = CONDITIONS.map((k) => str(p[k])).find(Boolean);
  const node: PlanNode = {
    node: nodeName(p),
    rowsEstimated: num(p["Plan Rows"]) ?? 0,
    costStartup: num(p["Startup Cost"]) ?? 0,
    costTotal: num(p["Total Cost"]) ?? 0,
    children: (p.Plans ?? []).map(toPlanNode),
  };
  const relation = str(p["Relation Name"]) ?? str(p["CTE Name"]) ?? str(p["Function Name"]);
  if (relation) node.relation = relation;
  const index = str(p["Index Name"]);
  if (index) node.index = index;
  if (num(p["Actual Rows"]) !== undefined) node.rowsActual = num(p["Actual Rows"]);
  if (num(p["Actual Loops"]) !== undefined) node.loops = num(p["Actual Loops"]);
  if (num(p["Actual Total Time"]) !== undefined) node.timeMs = num(p["Actual Total Time"]);
  if (filter) node.filter = filter;
  return node;
}

const DETAILS = [
  "Output",
  "Sort Key",
  "Group Key",
  "Hash Cond",
  "Merge Cond",
  "Join Filter",
  "Index Cond",
  "Recheck Cond",
  "Filter",
  "Rows Removed by Join Filter",
  "Rows Removed by Filter",
  "Rows Removed by Index Recheck",
  "Heap Fetches",
];

function headLine(p: JsonPlan): string {
  let line = nodeName(p);
  const relation = str(p["Relation Name"]);
  const alias = str(p.Alias);
  const index = str(p["Index Name"]);
  if (index) line += `${p["Scan Direction"] === "Backward" ? " Backward" : ""} using ${index}`;
  if (relation) line += ` on ${relation}${alias && alias !== relation ? ` ${alias}` : ""}`;
  else if (str(p["CTE Name"]))
    line += ` on ${p["CTE Name"]}${alias && alias !== p["CTE Name"] ? ` ${alias}` : ""}`;
  else if (str(p["Function Name"])) line += ` on ${p["Function Name"]}${alias ? ` ${alias}` : ""}`;
  else if (alias && /Scan/.test(line)) line += ` on ${alias}`;
  if (num(p["Total Cost"]) !== undefined)
    line += `  (cost=${num(p["Startup Cost"])?.toFixed(2)}..${num(p["Total Cost"])?.toFixed(2)} rows=${num(p["Plan Rows"])} width=${num(p["Plan Width"])})`;
  if (num(p["Actual Loops"]) !== undefined) {
    line +=
      p["Actual Loops"] === 0
        ? " (never executed)"
        : ` (actual time=${num(p["Actual Startup Time"])?.toFixed(3)}..${num(p["Actual Total Time"])?.toFixed(3)} rows=${num(p["Actual Rows"])} loops=${num(p["Actual Loops"])})`;
  }
  return line;
}

function detailLines(p: JsonPlan): string[] {
  const lines: string[] = [];
  for (const key of DETAILS) {
    const value = p[key];
    if (value === undefined) continue;
    lines.push(`${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`);
  }
  if (str(p["Sort Method"]))
    lines.push(
      `Sort Method: ${p["Sort Method"]}  ${p["Sort Space Type"]}: ${p["Sort Space Used"]}kB`,
    );
  if (num(p["Hash Buckets"]) !== undefined)
    lines.push(
      `Buckets: ${p["Hash Buckets"]}  Batches: ${p["Hash Batches"]}  Memory Usage: ${p["Peak Memory Usage"]}kB`,
    );
  return lines;
}

function render(p: JsonPlan, depth: number, out: string[]): void {
  const lead = depth === 0 ? "" : `${" ".repeat(2 + 6 * (depth - 1))}->  `;
  out.push(lead + headLine(p));
  const pad = " ".repeat(2 + 6 * depth);
  for (const line of detailLines(p)) out.push(pad + line);
  for (const child of p.Plans ?? []) render(child, depth + 1, out);
}

/** The text lines of `EXPLAIN` for this JSON plan, as psql shows them (column "QUERY PLAN"). */
export function planText(explain: JsonExplain): string[] {
  const out: string[] = [];
  render(explain.Plan, 0, out);
  if (num(explain["Planning Time"]) !== undefined)
    out.push(`Planning Time: ${num(explain["Planning Time"])?.toFixed(3)} ms`);
  for (const trigger of (explain.Triggers as JsonPlan[] | undefined) ?? [])
    out.push(
      `Trigger ${trigger["Trigger Name"]}: time=${num(trigger.Time)?.toFixed(3)} calls=${trigger.Calls}`,
    );
  if (num(explain["Execution Time"]) !== undefined)
    out.push(`Execution Time: ${num(explain["Execution Time"])?.toFixed(3)} ms`);
  return out;
}

/** The first (only) plan of an EXPLAIN (FORMAT JSON) value. */
export function explainFromJson(value: unknown): JsonExplain | undefined {
  const first = Array.isArray(value) ? value[0] : undefined;
  return first && typeof first === "object" && "Plan" in first ? (first as JsonExplain) : undefined;
}
