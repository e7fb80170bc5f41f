import type { Todo } from "@/db/schema/todo-api";
import { ifMatch } from "@/lib/http/etag";
import { HttpProblem } from "@/lib/http/problem";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";
import * as api from "@/lib/todo-api/contract";
import {
  deleteTodo,
  getTodo,
  todoEtag,
  toView,
  updateTodo,
  type WriteOutcome,
} from "@/lib/todo-api/service";

const notFound = (id: number) =>
  new HttpProblem("not-found", `Your sandbox has no todo with id ${id}.`);

/** If-Match: the write happens only if the client's ETag is still the todo's current one. */
const matches = (req: Request) => (current: Todo) =>
  ifMatch(req.headers.get("if-match"), todoEtag(current));

function settle<T>(outcome: WriteOutcome<T>, id: number, req: Request): T {
  if (outcome.ok) return outcome.value;
  if (outcome.reason === "not-found") throw notFound(id);
  const sent = req.headers.get("if-match") ?? "";
  const current = todoEtag(outcome.current);
  const why = sent.includes("W/")
    ? "weak ETags (W/...) never match If-Match, which compares strongly; send the ETag exactly as GET returned it"
    : "someone changed it since you read it. GET it again, then retry";
  throw new HttpProblem(
    "precondition-failed",
    `If-Match ${sent} is not the todo's current ETag ${current}: ${why}.`,
    { headers: { etag: current } },
  );
}

// GET /api/v1/todos/:id — read one todo
const read = lessonApi.route(api.readTodo, {
  span: ["db", "Select the todo"],
  run: ({ caller, params }) => getTodo({ sandboxId: caller.id, id: params.id }),
  respond: (row, { req, params }) => {
    if (!row) throw notFound(params.id);
    return jsonWithEtag(req, toView(row), { etag: todoEtag(row) });
  },
});

// PUT /api/v1/todos/:id — replace a todo: send every field
const replace = lessonApi.route(api.replaceTodo, {
  // 3. Write, if If-Match (when sent) still names the current version.
  span: ["db", "Lock, check If-Match, update"],
  run: ({ req, caller, params, body }) =>
    updateTodo({ sandboxId: caller.id, id: params.id, changes: body, expect: matches(req) }),
  // 4. The new state and its new ETag.
  respond: (outcome, { req, params }) => {
    const row = settle(outcome, params.id, req);
    return jsonWithEtag(req, toView(row), { etag: todoEtag(row) });
  },
});

// PATCH /api/v1/todos/:id — change some fields of a todo
const patch = lessonApi.route(api.patchTodo, {
  span: ["db", "Lock, check If-Match, update"],
  run: ({ req, caller, params, body }) =>
    updateTodo({ sandboxId: caller.id, id: params.id, changes: body, expect: matches(req) }),
  respond: (outcome, { req, params }) => {
    const row = settle(outcome, params.id, req);
    return jsonWithEtag(req, toView(row), { etag: todoEtag(row) });
  },
});

// DELETE /api/v1/todos/:id — delete a todo
const remove = lessonApi.route(api.deleteTodo, {
  span: ["db", "Lock, check If-Match, delete"],
  run: ({ req, caller, params }) =>
    deleteTodo({ sandboxId: caller.id, id: params.id, expect: matches(req) }),
  respond: (outcome, { req, params }) => {
    settle(outcome, params.id, req);
    return new Response(null, { status: 204 });
  },
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: read,
  PUT: replace,
  PATCH: patch,
  DELETE: remove,
});
