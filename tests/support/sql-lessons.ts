import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { POST as sqlRoute } from "@/app/api/v1/(sql-console)/sql/route";
import { POST as todosRoute } from "@/app/api/v1/(todo-api)/todos/route";
import type { Example } from "@/content/examples";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call } from "../harness";
import { answerOf, pathOf, replayAll, type Send } from "./replay-examples";

/**
 * The SQL lessons' examples are `POST /api/v1/sql` requests (and, in SQL basics, one Todo API
 * request): replayed in process through the route handlers, with the one replay every lesson uses.
 */
export function sqlLessonSend(key: string): Send {
  return async (request) => {
    const path = pathOf(request);
    const route = { "/api/v1/sql": sqlRoute, "/api/v1/todos": todosRoute }[path];
    if (!route || request.method !== "POST")
      throw new Error(`no route for ${request.method} ${path}`);
    const res = await call(
      route,
      path,
      {},
      {
        method: "POST",
        key,
        headers: Object.fromEntries(request.headers),
        body: request.body ?? undefined,
      },
    );
    return answerOf(res);
  };
}

export function replaySqlLesson(key: string, examples: Readonly<Record<string, Example>>) {
  return replayAll(examples, sqlLessonSend(key));
}

/** Runs a script through the route as this sandbox; it must answer 200. */
export async function runScript(key: string, sql: string) {
  const res = await call(sqlRoute, "/api/v1/sql", {}, { method: "POST", key, body: { sql } });
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
  return ((await res.json()) as { results: { command: string; error?: unknown }[] }).results;
}

/** The ids of the lesson's checks that fail in this sandbox, through "Check my work". */
export async function failingChecks(key: string, slug: string): Promise<string[]> {
  const res = await call(
    checkRoute,
    `/api/progress/${slug}/check`,
    { slug },
    { method: "POST", key },
  );
  if (res.status !== 200) throw new Error(`check: ${res.status}`);
  return (await expectConforms(checkWork, res)).checks.filter((c) => !c.passed).map((c) => c.id);
}
