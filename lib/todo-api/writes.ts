import { evaluate, type Preconditions } from "@/lib/http/etag";
import { HttpProblem } from "@/lib/http/problem";
import { type Check, todoEtag, type WriteOutcome } from "./service";

/**
 * How a write to one todo is guarded and how its outcome is answered, whatever version of the
 * API's representation it came in (/api/v1/todos/:id and /api/v2/todos/:id share it).
 */

export const notFound = (id: number) =>
  new HttpProblem("not-found", `Your sandbox has no todo with id ${id}.`);

// #region preconditions
/**
 * The request's If-Match, If-None-Match and If-Unmodified-Since, checked against the todo as it
 * is now, inside the transaction that holds its lock.
 */
export const preconditions =
  (req: Request, pre: Preconditions): Check =>
  (current) => {
    const etag = todoEtag(current);
    const outcome = evaluate(pre, req.method, { etag, lastModified: current.updatedAt });
    if (outcome.result === "proceed") return undefined;
    return { reason: "precondition-failed", detail: whyRefused(req, pre, outcome) };
  };

/** A todo that is not done holds work: deleting it needs proof that you saw its current version. */
export const mayDelete =
  (req: Request, pre: Preconditions): Check =>
  (current) => {
    if (pre.ifMatch === undefined && !current.done) {
      const url = new URL(req.url).pathname;
      return {
        reason: "precondition-required",
        detail: `Todo ${current.id} is not done, so deleting it needs If-Match with its current ETag: GET ${url}, check it is the todo you mean to delete, then send DELETE with If-Match set to the ETag you got. (A todo that is done can be deleted without it.)`,
      };
    }
    return preconditions(req, pre)(current);
  };
// #endregion

function whyRefused(req: Request, pre: Preconditions, outcome: ReturnType<typeof evaluate>) {
  const failed = outcome.result === "precondition-failed" ? outcome.failed : undefined;
  if (failed === "if-none-match") {
    return `If-None-Match ${req.headers.get("if-none-match")} matches this todo (* matches any todo that exists), so the ${req.method} was not done. If-None-Match on a write means "only if it does not exist yet"; to change a todo you have read, send If-Match with its ETag.`;
  }
  if (failed === "if-unmodified-since") {
    return `The todo changed after If-Unmodified-Since ${req.headers.get("if-unmodified-since")}. GET it again, apply your change to what you get, then retry.`;
  }
  const sent = req.headers.get("if-match") ?? "";
  if (Array.isArray(pre.ifMatch) && pre.ifMatch.every((tag) => tag.startsWith("W/"))) {
    return `If-Match ${sent} is weak: If-Match compares strongly and a weak tag (W/...) never matches. Send the ETag exactly as GET returned it.`;
  }
  return `If-Match ${sent} is not the todo's current version: it has changed since you read it. GET it again, apply your change to what you get, then retry with the new ETag.`;
}

/** The written todo, or the problem that stopped the write. */
export function settle<T>(outcome: WriteOutcome<T>, id: number): T {
  if (outcome.ok) return outcome.value;
  if (outcome.reason === "not-found") throw notFound(id);
  throw new HttpProblem(outcome.reason, outcome.detail);
}
