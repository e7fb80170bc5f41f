import { MethodBadge } from "@/components/lesson/method-badge";
import { statusTone } from "@/components/ui/status-tone";
import type { RequestLogEntry } from "@/db/schema/sandboxes";

const SPAN_COLORS = [
  "bg-sky-500",
  "bg-violet-500",
  "bg-emerald-500",
  "bg-amber-500",
  "bg-rose-500",
];

/** Where the time went: each span as a share of the whole request. */
function Spans({ entry }: { entry: Pick<RequestLogEntry, "spans" | "durationMs"> }) {
  const total = Math.max(entry.durationMs, ...entry.spans.map((s) => s.start + s.dur), 1);
  return (
    <div className="min-w-32">
      <div className="relative h-2 w-full overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800">
        {entry.spans.map((span, i) => (
          <span
            key={`${span.name}-${span.start}`}
            className={`absolute inset-y-0 ${SPAN_COLORS[i % SPAN_COLORS.length]}`}
            style={{
              left: `${(span.start / total) * 100}%`,
              width: `max(2px, ${(span.dur / total) * 100}%)`,
            }}
          />
        ))}
      </div>
      <p className="mt-1 truncate text-xs text-zinc-500 dark:text-zinc-400">
        {entry.spans.map((s) => `${s.name} ${s.dur.toFixed(1)}`).join(" · ") || "no spans"}
      </p>
    </div>
  );
}

export function RequestLogTable({ entries }: { entries: RequestLogEntry[] }) {
  if (entries.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
        No requests yet. Send one from a lesson&apos;s console or with curl, then refresh.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm" data-testid="request-log">
        <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Time
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Request
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Duration
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Server steps (ms)
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="request-log-row">
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">
                <time dateTime={entry.createdAt.toISOString()}>
                  {entry.createdAt.toISOString().slice(11, 19)}
                </time>
              </td>
              <td className="px-3 py-2">
                <div className="flex items-center gap-2">
                  <MethodBadge method={entry.method} />
                  <code className="break-all font-mono text-xs">{entry.path}</code>
                </div>
              </td>
              <td className={`px-3 py-2 font-mono font-semibold ${statusTone(entry.status)}`}>
                {entry.status}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right font-mono text-xs">
                {entry.durationMs} ms
              </td>
              <td className="px-3 py-2">
                <Spans entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
