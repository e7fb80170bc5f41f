import type { Todo } from "@/db/schema/todo-api";
import { evaluate, type Preconditions, preconditionsOf } from "@/lib/http/etag";
import { HttpProblem } from "@/lib/http/problem";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";
import * as api from "@/lib/todo-api/contract";
import { TODO_READ_HEADERS } from "@/lib/todo-api/http";
import {
  type Check,
  deleteTodo,
  getTodo,
  todoEtag,
  toView,
  updateTodo,
  type WriteOutcome,
} from "@/lib/todo-api/service";

const notFound = (id: number) =>
  new HttpProblem("not-found", `Your sandbox has no todo with id ${id}.`);

// #region preconditions
/**
 * The request's If-Match, If-None-Match and If-Unmodified-Since, checked against the todo as it
 * is now, inside the transaction that holds its lock.
 */
const preconditions =
  (req: Request, pre: Preconditions): Check =>
  (current) => {
    const etag = todoEtag(current);
    const outcome = evaluate(pre, req.method, { etag, lastModified: current.updatedAt });
    if (outcome.result === "proceed") return undefined;
    return { reason: "precondition-failed", detail: whyRefused(req, pre, outcome) };
  };

/** A todo that is not done holds work: deleting it needs proof that you saw its current version. */
const mayDelete =
  (req: Request, pre: Preconditions): Check =>
  (current) => {
    if (pre.ifMatch === undefined && !current.done) {
      return {
        reason: "precondition-required",
        detail: `Todo ${current.id} is not done, so deleting it needs If-Match with its current ETag: GET /api/v1/todos/${current.id}, check it is the todo you mean to delete, then send DELETE with If-Match set to the ETag you got. (A todo that is done can be deleted without it.)`,
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

function settle<T>(outcome: WriteOutcome<T>, id: number): T {
  if (outcome.ok) return outcome.value;
  if (outcome.reason === "not-found") throw notFound(id);
  throw new HttpProblem(outcome.reason, outcome.detail);
}

const todoUrl = (row: Todo) => `/api/v1/todos/${row.id}`;

// GET /api/v1/todos/:id — read one todo
const read = lessonApi.route(api.readTodo, {
  span: ["db", "Select the todo"],
  run: ({ caller, params }) => getTodo({ sandboxId: caller.id, id: params.id }),
  // #region read-respond
  // 4. The todo with its validators; 304 if the client's copy is still current.
  respond: (row, { req, params }) => {
    if (!row) throw notFound(params.id);
    return jsonWithEtag(req, toView(row), {
      etag: todoEtag(row),
      lastModified: row.updatedAt,
      headers: TODO_READ_HEADERS,
    });
  },
  // #endregion
});

/** PUT and PATCH write the same way: if the preconditions (when sent) hold for the todo as it is now. */
const update = ({
  req,
  caller,
  params,
  body,
}: {
  req: Request;
  caller: { id: string };
  params: { id: number };
  body: Parameters<typeof updateTodo>[0]["changes"];
}) =>
  updateTodo({
    sandboxId: caller.id,
    id: params.id,
    changes: body,
    check: preconditions(req, preconditionsOf(req)),
  });

// PUT /api/v1/todos/:id — replace a todo: send every field
const replace = lessonApi.route(api.replaceTodo, {
  // 3. Write, if the preconditions (when sent) hold for the todo as it is now.
  span: ["db", "Lock, check preconditions, update"],
  run: update,
  // 4. The new state, but no ETag: what is stored is not byte for byte what was sent (RFC 9110 §9.3.4).
  respond: (outcome, { params }) => {
    const row = settle(outcome, params.id);
    return Response.json(toView(row), { headers: { "content-location": todoUrl(row) } });
  },
});

// PATCH /api/v1/todos/:id — change some fields of a todo (a JSON Merge Patch)
const patch = lessonApi.route(api.patchTodo, {
  span: ["db", "Lock, check preconditions, update"],
  run: update,
  respond: (outcome, { req, params }) => {
    const row = settle(outcome, params.id);
    return jsonWithEtag(req, toView(row), {
      etag: todoEtag(row),
      lastModified: row.updatedAt,
      headers: { "content-location": todoUrl(row) },
    });
  },
});

// DELETE /api/v1/todos/:id — delete a todo (one that is not done needs If-Match)
const remove = lessonApi.route(api.deleteTodo, {
  span: ["db", "Lock, check preconditions, delete"],
  run: ({ req, caller, params }) =>
    deleteTodo({
      sandboxId: caller.id,
      id: params.id,
      check: mayDelete(req, preconditionsOf(req)),
    }),
  respond: (outcome, { params }) => {
    settle(outcome, params.id);
    return new Response(null, { status: 204 });
  },
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: read,
  PUT: replace,
  PATCH: patch,
  DELETE: remove,
});
