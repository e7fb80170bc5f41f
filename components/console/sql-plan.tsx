import { formatMs } from "./format";
import type { PlanNode } from "./sql-example";

/**
 * An EXPLAIN plan as a tree: each node with what it reads (table, index), its rows as the planner
 * estimated them and as they came (with a warning when they are far apart), its cost and its time.
 * Nested lists, so a screen reader announces the depth.
 */

/** How many times apart the estimate and the actual rows are, when both are known. */
export function estimateOff(node: PlanNode): number | null {
  if (node.rowsActual === undefined) return null;
  const low = Math.max(Math.min(node.rowsEstimated, node.rowsActual), 1);
  const high = Math.max(node.rowsEstimated, node.rowsActual, 1);
  const ratio = high / low;
  return ratio >= 10 ? Math.round(ratio) : null;
}

const num = (n: number) => n.toLocaleString("en-US");

function NodeLine({ node }: { node: PlanNode }) {
  const off = estimateOff(node);
  return (
    <div data-testid="plan-node" className="space-y-0.5 py-1">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold text-zinc-900 dark:text-zinc-100">{node.node}</span>
        {node.relation && (
          <span className="text-zinc-700 dark:text-zinc-300">
            on <span className="font-mono">{node.relation}</span>
          </span>
        )}
        {node.index && (
          <span className="text-zinc-700 dark:text-zinc-300">
            using <span className="font-mono">{node.index}</span>
          </span>
        )}
      </p>
      <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        <span>
          rows: {num(node.rowsEstimated)} estimated
          {node.rowsActual !== undefined && <>, {num(node.rowsActual)} actual</>}
          {node.loops !== undefined && node.loops > 1 && <> × {num(node.loops)} loops</>}
        </span>
        <span>
          cost {node.costStartup.toFixed(2)}..{node.costTotal.toFixed(2)}
        </span>
        {node.timeMs !== undefined && <span>time {formatMs(node.timeMs)}</span>}
      </p>
      {off !== null && (
        <p
          data-testid="plan-estimate-warning"
          className="inline-flex rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100"
        >
          ⚠ estimate off by {num(off)}×: the planner's statistics may be stale (ANALYZE)
        </p>
      )}
      {node.filter && (
        <p className="font-mono text-xs break-all text-zinc-700 dark:text-zinc-300">
          filter: {node.filter}
        </p>
      )}
    </div>
  );
}

function Branch({ node }: { node: PlanNode }) {
  return (
    <li>
      <NodeLine node={node} />
      {node.children.length > 0 && (
        <ul className="ml-2 border-l border-zinc-300 pl-3 dark:border-zinc-700">
          {node.children.map((child, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a plan never reorders
            <Branch key={i} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function PlanTree({ plan, label }: { plan: PlanNode; label: string }) {
  return (
    <div
      data-testid="plan-tree"
      className="rounded-lg border border-zinc-200 bg-zinc-50/60 px-3 py-2 text-[13px] dark:border-zinc-800 dark:bg-zinc-950/40"
    >
      <ul aria-label={label}>
        <Branch node={plan} />
      </ul>
    </div>
  );
}
