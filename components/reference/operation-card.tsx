import Link from "next/link";
import { MethodTag } from "@/components/ui/method-tag";
import { SAFE_METHODS } from "@/lib/http/constants";
import type { ReferenceOperation } from "./model";
import { ParametersTable } from "./parameters-table";
import { ProblemList, ResponseView } from "./responses";
import { SchemaView } from "./schema-view";

function Part({
  title,
  note,
  children,
}: {
  title: string;
  note?: string;
  children: React.ReactNode;
}) {
  return (
    <section className="space-y-2">
      <h4 className="text-xs font-semibold tracking-wide text-zinc-600 dark:text-zinc-400">
        <span className="uppercase">{title}</span>
        {note && <span className="ml-2 font-mono font-normal tracking-normal">{note}</span>}
      </h4>
      {children}
    </section>
  );
}

/** One operation: what to send, what comes back, which errors; its id is its anchor. */
export function OperationCard({
  entry,
  home,
}: {
  entry: ReferenceOperation;
  home?: { title: string; href: string };
}) {
  const { operation, method, path } = entry;
  const body = operation.requestBody;
  return (
    <article
      id={entry.id}
      data-testid="operation"
      data-operation-id={entry.id}
      className="overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800"
    >
      <header className="space-y-1 border-b border-zinc-200 bg-zinc-50/70 px-3 py-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900/60">
        <h3 className="flex items-start gap-2">
          <MethodTag method={method} />{" "}
          <a
            href={`#${entry.id}`}
            className="min-w-0 break-all font-mono text-sm font-semibold text-zinc-900 hover:text-emerald-700 dark:text-zinc-100 dark:hover:text-emerald-400"
          >
            {path}
          </a>
        </h3>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{operation.summary}</p>
      </header>
      <div className="space-y-5 px-3 py-4 sm:px-4">
        {operation.description && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{operation.description}</p>
        )}
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          <span>
            {entry.publicId
              ? entry.publicId.token
                ? "No sandbox key: reached by your blog's public id; needs a RealWorld user's token (Authorization: Token)"
                : "No sandbox key: reached by your blog's public id, open to anyone"
              : entry.keyOptional
                ? "Key optional: answers without one too"
                : entry.bearer
                  ? "Needs your sandbox key (X-Sandbox-Key, or the cookie in this site's pages) and a user's access token (Authorization: Bearer)"
                  : entry.session
                    ? `Needs your sandbox key (X-Sandbox-Key, or the cookie in this site's pages) and a user's session cookie${SAFE_METHODS.includes(method) ? "" : ", with its CSRF token in X-CSRF-Token"}`
                    : "Needs your sandbox key (X-Sandbox-Key, or the cookie in this site's pages)"}
          </span>
          {home && (
            <Link
              href={home.href}
              className="text-emerald-700 underline underline-offset-2 dark:text-emerald-400"
            >
              {home.title}
            </Link>
          )}
        </p>
        {operation.parameters && operation.parameters.length > 0 && (
          <Part title="Parameters">
            <ParametersTable parameters={operation.parameters} />
          </Part>
        )}
        {body && (
          <Part title="Request body">
            {Object.entries(body.content).map(([type, media]) => (
              <div key={type} className="space-y-1">
                <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                  {type}
                  {body.description && <span className="font-sans"> · {body.description}</span>}
                </p>
                <SchemaView schema={media.schema} side="request" />
              </div>
            ))}
          </Part>
        )}
        <Part title="Responses">
          <div className="space-y-3">
            {entry.responses.map(({ status, response }) => (
              <ResponseView key={status} status={status} response={response} />
            ))}
          </div>
        </Part>
        <Part title="Errors" note="application/problem+json">
          <ProblemList problems={entry.problems} />
        </Part>
      </div>
    </article>
  );
}
