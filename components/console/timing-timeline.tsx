import { formatMs } from "./format";
import type { Timeline } from "./server-timing";

const BAR_COLORS = [
  "bg-emerald-500",
  "bg-sky-500",
  "bg-violet-500",
  "bg-amber-500",
  "bg-rose-500",
  "bg-teal-500",
];

type Props = { timeline: Timeline; clientTime: number };

/** The server's steps for one request, as a waterfall inside the request's total time. */
export function TimingTimeline({ timeline, clientTime }: Props) {
  const { total, bars, other } = timeline;
  const network = Math.max(0, clientTime - total);
  return (
    <figure className="space-y-1.5" aria-label="Server timing">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 text-xs text-zinc-500 dark:text-zinc-400">
        <span className="font-medium text-zinc-700 dark:text-zinc-300">Inside the server</span>
        <span className="tabular-nums">
          {formatMs(total)} on the server · {formatMs(network)} network &amp; browser
        </span>
      </figcaption>
      <ol className="space-y-1">
        {bars.map((bar, i) => (
          <Row
            // biome-ignore lint/suspicious/noArrayIndexKey: span names may repeat
            key={`${bar.name}-${i}`}
            testId="timing-span"
            name={bar.name}
            desc={bar.desc}
            dur={bar.dur}
            left={bar.left}
            width={bar.width}
            color={BAR_COLORS[i % BAR_COLORS.length] ?? "bg-emerald-500"}
          />
        ))}
        {other && (
          <Row
            testId="timing-other"
            name="framework / other"
            desc="Routing, middleware and writing the response"
            dur={other.dur}
            left={other.left}
            width={other.width}
            color="bg-zinc-300 dark:bg-zinc-600 bg-[repeating-linear-gradient(135deg,transparent_0_3px,rgb(255_255_255/0.35)_3px_6px)]"
            muted
          />
        )}
      </ol>
    </figure>
  );
}

type RowProps = {
  testId: string;
  name: string;
  desc?: string;
  dur: number;
  left: number;
  width: number;
  color: string;
  muted?: boolean;
};

function Row({ testId, name, desc, dur, left, width, color, muted }: RowProps) {
  return (
    <li
      data-testid={testId}
      className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 text-xs sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_4rem]"
    >
      <span className="min-w-0 truncate" title={desc ? `${name}: ${desc}` : name}>
        <span
          className={`font-mono font-medium ${muted ? "text-zinc-500 dark:text-zinc-400" : "text-zinc-800 dark:text-zinc-200"}`}
        >
          {name}
        </span>
        {desc && !muted && <span className="ml-1.5 text-zinc-500 dark:text-zinc-400">{desc}</span>}
      </span>
      <span className="text-right font-mono text-zinc-600 tabular-nums sm:order-last dark:text-zinc-300">
        {formatMs(dur)}
      </span>
      <span
        className="relative col-span-2 h-3.5 rounded bg-zinc-100 sm:col-span-1 dark:bg-zinc-800/70"
        aria-hidden
      >
        <span
          className={`absolute inset-y-0.5 rounded-sm ${color}`}
          style={{ left: `${left}%`, width: `max(${width}%, 2px)` }}
        />
      </span>
    </li>
  );
}
