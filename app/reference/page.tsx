import type { Metadata } from "next";
import Link from "next/link";
import { referenceGroups } from "@/components/reference/model";
import { OperationCard } from "@/components/reference/operation-card";
import { ReferenceNav } from "@/components/reference/reference-nav";
import { SchemaView } from "@/components/reference/schema-view";
import { operationId } from "@/lib/openapi/operation-id";
import { PROBLEM_SCHEMA_NAME } from "@/lib/openapi/problems";
import { siteOpenApiDocument } from "@/lib/openapi/site-document";

export const metadata: Metadata = {
  title: "API reference",
  description: "Every operation of every lesson API: parameters, bodies, responses and errors.",
};

const createSandbox = operationId({ method: "POST", path: "/api/sandbox" });

const code =
  "whitespace-nowrap rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.8125rem] dark:bg-zinc-800 dark:text-zinc-200";
const more = [{ href: "#problem-details", label: "Errors" }];
const link = "text-emerald-700 underline underline-offset-2 dark:text-emerald-400";

export default function ReferencePage() {
  const doc = siteOpenApiDocument();
  const groups = referenceGroups(doc);
  const problem = doc.components.schemas[PROBLEM_SCHEMA_NAME];
  return (
    <div className="mx-auto flex max-w-7xl gap-10 px-4 py-10 sm:px-6">
      <aside className="hidden w-72 shrink-0 lg:block">
        <div className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto pr-2">
          <ReferenceNav groups={groups} more={more} />
        </div>
      </aside>
      <div className="min-w-0 max-w-4xl flex-1 space-y-12">
        <header className="space-y-4">
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">API reference</h1>
          <p className="text-lg text-zinc-600 dark:text-zinc-400">
            Every operation of every lesson API, running live in your own sandbox, and the portal
            API that gives you one.
          </p>
          <div className="space-y-3 text-sm text-zinc-700 dark:text-zinc-300">
            <p>
              <strong className="font-semibold text-zinc-900 dark:text-zinc-100">Your key.</strong>{" "}
              <a href={`#${createSandbox}`} className={link}>
                POST /api/sandbox
              </a>{" "}
              creates your sandbox and answers with its key; send it in{" "}
              <code className={code}>X-Sandbox-Key</code> with every request. In this site&apos;s
              pages the lesson consoles do it for you, with a cookie.
            </p>
            <p>
              <strong className="font-semibold text-zinc-900 dark:text-zinc-100">
                Machine-readable.
              </strong>{" "}
              The same reference as OpenAPI 3.1, for Postman, Insomnia or a client generator:{" "}
              <a href="/api/openapi.json" className={link}>
                /api/openapi.json
              </a>
              .
            </p>
          </div>
        </header>
        <details className="rounded-lg border border-zinc-200 p-3 lg:hidden dark:border-zinc-800">
          <summary className="cursor-pointer text-sm font-medium">All operations</summary>
          <div className="mt-3">
            <ReferenceNav groups={groups} more={more} />
          </div>
        </details>
        {groups.map((group) => (
          <section key={group.id} aria-labelledby={group.id} className="space-y-5">
            <div className="space-y-2">
              <h2 id={group.id} className="text-2xl font-bold tracking-tight">
                {group.tag.name}
              </h2>
              {group.tag.description && (
                <p className="text-zinc-600 dark:text-zinc-400">{group.tag.description}</p>
              )}
              {group.tag.externalDocs && (
                <p className="text-sm">
                  <Link href={group.tag.externalDocs.url} className={link}>
                    {group.tag.externalDocs.description ?? group.tag.externalDocs.url}
                  </Link>
                </p>
              )}
            </div>
            {group.operations.map((entry) => (
              <OperationCard
                key={entry.id}
                entry={entry}
                home={
                  group.tag.externalDocs?.url.startsWith("/learn/")
                    ? { title: `Lesson: ${group.tag.name}`, href: group.tag.externalDocs.url }
                    : undefined
                }
              />
            ))}
          </section>
        ))}
        {problem && (
          <section aria-labelledby="problem-details" className="space-y-3">
            <h2 id="problem-details" className="text-2xl font-bold tracking-tight">
              Errors
            </h2>
            <p className="text-zinc-600 dark:text-zinc-400">
              Every error, from every operation, is{" "}
              <code className={code}>application/problem+json</code> (RFC 9457) with this body;{" "}
              <code className={code}>type</code> links to the lesson section that explains it.
            </p>
            <SchemaView schema={problem} side="response" />
          </section>
        )}
      </div>
    </div>
  );
}
