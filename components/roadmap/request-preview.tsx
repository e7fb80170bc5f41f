import { IntentLink } from "@/components/ui/intent-link";

const BODY = `{
  "data": [
    {
      "id": 1,
      "title": "Read the HTTP and REST lesson",
      "done": true,
      …
    }
  ],
  "pagination": { "page": 1, "total": 3, … }
}`;

/** A still of the request console, so the hero shows what "call the lesson" means. */
export function RequestPreview() {
  const spans = [
    { name: "validate", desc: "Validate the query string", start: 0, dur: 4 },
    { name: "sandbox", desc: "Identify your sandbox", start: 4, dur: 14 },
    { name: "ratelimit", desc: "Check your request rate", start: 18, dur: 3 },
    { name: "db", desc: "Select a page of todos", start: 21, dur: 59 },
  ];
  return (
    <figure className="min-w-0 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-lg shadow-zinc-900/5 dark:border-zinc-800 dark:bg-zinc-900 dark:shadow-black/30">
      <div className="flex items-center gap-2 border-b border-zinc-200 px-4 py-3 font-mono text-[0.8125rem] dark:border-zinc-800">
        <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-800 dark:bg-sky-500/15 dark:text-sky-300">
          GET
        </span>
        <span className="min-w-0 truncate text-zinc-800 dark:text-zinc-200">
          /api/v1/todos?limit=1
        </span>
        {/* A still, not a console: it says the request was sent rather than offer a button. */}
        <span className="ml-auto shrink-0 font-sans text-xs text-zinc-500 dark:text-zinc-400">
          sent
        </span>
      </div>
      <div className="space-y-4 px-4 py-4">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 font-mono text-xs">
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 font-semibold text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300">
            200 OK
          </span>
          <span className="text-zinc-500 dark:text-zinc-400">application/json</span>
          <span className="text-zinc-500 dark:text-zinc-400">4.1 ms</span>
        </p>
        <ol aria-label="Server-side steps" className="space-y-1.5">
          {spans.map((span) => (
            <li key={span.name} className="grid grid-cols-[4.5rem_1fr] items-center gap-3">
              <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                {span.name}
              </span>
              <span className="relative h-2 rounded-full bg-zinc-100 dark:bg-zinc-800">
                <span
                  title={span.desc}
                  className="absolute inset-y-0 rounded-full bg-emerald-500/80"
                  style={{ left: `${span.start}%`, width: `${span.dur}%` }}
                />
              </span>
            </li>
          ))}
        </ol>
        <pre className="rounded-lg bg-zinc-50 p-3 font-mono text-xs leading-5 whitespace-pre-wrap text-zinc-700 [overflow-wrap:anywhere] dark:bg-zinc-950/60 dark:text-zinc-300">
          {BODY.split("\n").map((line, i) => {
            const indent = line.length - line.trimStart().length;
            return (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a constant text never reorder.
                key={i}
                className="block"
                // A line too long for a phone goes on under its own indentation, two columns in.
                style={{ paddingLeft: `${indent + 2}ch`, textIndent: "-2ch" }}
              >
                {line.trimStart()}
              </span>
            );
          })}
        </pre>
      </div>
      <figcaption className="border-t border-zinc-200 px-4 py-2.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        From the Todo API lesson: the response, and each step the server took to produce it.{" "}
        <IntentLink
          href="/learn/todo-api#try-it-now"
          className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
        >
          Send it yourself
        </IntentLink>
      </figcaption>
    </figure>
  );
}
