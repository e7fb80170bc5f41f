import { MethodTag } from "@/components/ui/method-tag";
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
    <div className="min-w-32 sm:max-w-72">
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
  // A table from sm up; on a phone each row is a card: the request on its own line (so a long
  // path wraps at its slashes and ampersands, not a character at a time), then time, status and
  // duration, then the server steps. The column headers stay for screen readers.
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm" data-testid="request-log">
        <thead className="sr-only bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 sm:not-sr-only dark:bg-zinc-900 dark:text-zinc-400">
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
        <tbody className="block divide-y divide-zinc-100 sm:table-row-group dark:divide-zinc-800">
          {entries.map((entry) => (
            <tr
              key={entry.id}
              data-testid="request-log-row"
              className="grid grid-cols-[auto_auto_1fr] items-baseline gap-x-4 gap-y-1.5 px-3 py-3 sm:table-row sm:p-0"
            >
              <td className="whitespace-nowrap font-mono text-xs text-zinc-500 sm:px-3 sm:py-2 dark:text-zinc-400">
                <time dateTime={entry.createdAt.toISOString()}>
                  {entry.createdAt.toISOString().slice(11, 19)}
                </time>
              </td>
              <td className="order-first col-span-3 sm:px-3 sm:py-2">
                <div className="flex items-start gap-2">
                  <MethodTag method={entry.method} size="sm" />
                  <code className="min-w-0 font-mono text-xs leading-5 [overflow-wrap:anywhere]">
                    {breakable(entry.path)}
                  </code>
                </div>
              </td>
              <td className={`font-mono font-semibold sm:px-3 sm:py-2 ${statusTone(entry.status)}`}>
                {entry.status}
              </td>
              <td className="whitespace-nowrap font-mono text-xs sm:px-3 sm:py-2 sm:text-right">
                {entry.durationMs} ms
              </td>
              <td className="col-span-3 sm:px-3 sm:py-2">
                <Spans entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A path with break opportunities after each `/`, `?` and `&`, where a reader expects a wrap. */
function breakable(path: string): React.ReactNode[] {
  return path.split(/(?<=[/?&])/).flatMap((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one path never reorder.
    i === 0 ? [part] : [<wbr key={i} />, part],
  );
}
