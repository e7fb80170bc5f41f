import type { Metadata } from "next";
import { headers } from "next/headers";
import { KeyPanel } from "@/components/sandbox/key-panel";
import { RealworldPanel } from "@/components/sandbox/realworld-panel";
import { RequestLogTable } from "@/components/sandbox/request-log-table";
import { CreateSandbox, RefreshLog, ResetSandbox } from "@/components/sandbox/sandbox-actions";
import { realworldFieldsOf } from "@/lib/blog-api/realworld/site";
import { originOfHeaders } from "@/lib/http/origin";
import { currentSandbox } from "@/lib/sandbox/current";
import { listRequestLog } from "@/lib/sandbox/request-log";

export const metadata: Metadata = { title: "Your sandbox" };

const LOG_SHOWN = 50;

export default async function SandboxPage() {
  const sandbox = await currentSandbox();
  const origin = originOfHeaders(await headers());
  const entries = sandbox ? await listRequestLog({ sandboxId: sandbox.id, limit: LOG_SHOWN }) : [];
  const realworld = sandbox ? await realworldFieldsOf(sandbox.id, origin) : undefined;
  return (
    <div className="mx-auto max-w-5xl space-y-10 px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Your sandbox</h1>
        <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
          Every lesson API runs against your own private copy of the data. Nobody else can see or
          change it; you can wipe it back to the starting seed at any time.
        </p>
      </header>
      {sandbox ? (
        <>
          <section aria-labelledby="key-heading" className="space-y-4">
            <h2 id="key-heading" className="text-lg font-semibold">
              Your key
            </h2>
            <KeyPanel sandboxKey={sandbox.key} origin={origin} />
          </section>
          {realworld && (
            <section aria-labelledby="realworld-heading" className="space-y-4">
              <h2 id="realworld-heading" className="text-lg font-semibold">
                Your blog as a RealWorld API
              </h2>
              <p className="max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
                Your blog also speaks the public RealWorld (&ldquo;Conduit&rdquo;) API, so any
                RealWorld frontend can use it: give the frontend this address as its API root. It is
                reached by this public id, not your key, and counts against your sandbox&apos;s rate
                limit; its requests appear in the log below.{" "}
                <a
                  className="text-emerald-700 underline dark:text-emerald-400"
                  href="/learn/blog-api#your-blog-speaks-realworld"
                >
                  How to use it
                </a>
              </p>
              <RealworldPanel
                baseUrl={realworld.realworldBaseUrl}
                enabled={realworld.realworldEnabled}
              />
            </section>
          )}
          <section aria-labelledby="log-heading" className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="log-heading" className="text-lg font-semibold">
                Request log{" "}
                <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">
                  (latest {LOG_SHOWN}, newest first)
                </span>
              </h2>
              <RefreshLog />
            </div>
            <RequestLogTable entries={entries} />
          </section>
          <section
            aria-labelledby="reset-heading"
            className="space-y-3 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
          >
            <h2 id="reset-heading" className="text-lg font-semibold">
              Start over
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Reset deletes every todo (and later lessons&apos; data) and the request log, then
              seeds the starting data again; ids restart at 1. Your key and your lesson progress
              stay.
            </p>
            <ResetSandbox />
          </section>
        </>
      ) : (
        <section className="space-y-4 rounded-xl border border-zinc-200 p-6 dark:border-zinc-800">
          <p className="text-zinc-700 dark:text-zinc-300">
            You don&apos;t have a sandbox yet. One is created the first time you send a request from
            a lesson, or right now:
          </p>
          <CreateSandbox />
        </section>
      )}
    </div>
  );
}
