import type { Todo } from "@/db/schema/todo-api";
import { preconditionsOf } from "@/lib/http/etag";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";
import * as api from "@/lib/todo-api/contract";
import { TODO_READ_HEADERS } from "@/lib/todo-api/http";
import { deleteTodo, getTodo, todoEtag, toView, updateTodo } from "@/lib/todo-api/service";
import { mayDelete, notFound, preconditions, settle } from "@/lib/todo-api/writes";

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
