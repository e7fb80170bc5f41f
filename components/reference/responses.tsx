import Link from "next/link";
import { statusTone } from "@/components/ui/status-tone";
import type { ResponseObject } from "@/lib/openapi/types";
import { SchemaView } from "./schema-view";

/** One answer an operation gives: status, what it means, its headers and its body. */
export function ResponseView({ status, response }: { status: string; response: ResponseObject }) {
  const headers = Object.entries(response.headers ?? {});
  const content = Object.entries(response.content ?? {});
  return (
    <div className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <p className="flex flex-wrap items-baseline gap-x-3 text-sm">
        <span className={`font-mono font-semibold ${statusTone(Number(status))}`}>{status}</span>
        <span className="text-zinc-700 dark:text-zinc-300">{response.description}</span>
      </p>
      {headers.length > 0 && (
        <dl className="space-y-1 text-[0.8125rem]">
          {headers.map(([name, header]) => (
            <div key={name} className="flex flex-wrap gap-x-2">
              <dt className="font-mono font-semibold text-zinc-900 dark:text-zinc-100">{name}</dt>
              <dd className="text-zinc-600 dark:text-zinc-400">
                {"description" in header ? header.description : ""}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {content.map(([type, media]) => (
        <div key={type} className="space-y-1">
          <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{type}</p>
          <SchemaView schema={media.schema} side="response" />
        </div>
      ))}
    </div>
  );
}

export type ProblemEntry = {
  status: string;
  title: string;
  when: string;
  /** The lesson section that explains this kind of problem, if one does. */
  explainedAt?: string;
};

/** The errors an operation can answer, one line each; each links to the lesson that explains it. */
export function ProblemList({ problems }: { problems: ProblemEntry[] }) {
  return (
    <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
      {problems.map((problem) => (
        <li key={`${problem.status} ${problem.title}`} className="flex gap-3 px-3 py-2">
          <span className={`font-mono font-semibold ${statusTone(Number(problem.status))}`}>
            {problem.status}
          </span>
          <span className="min-w-0 text-zinc-600 dark:text-zinc-400">
            {problem.explainedAt ? (
              <Link
                href={problem.explainedAt}
                className="font-medium text-emerald-700 underline underline-offset-2 hover:decoration-2 dark:text-emerald-400"
              >
                {problem.title}
              </Link>
            ) : (
              <span className="font-medium text-zinc-800 dark:text-zinc-200">{problem.title}</span>
            )}{" "}
            {problem.when}
          </span>
        </li>
      ))}
    </ul>
  );
}
