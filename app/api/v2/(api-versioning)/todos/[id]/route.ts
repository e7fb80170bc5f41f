import type { Todo } from "@/db/schema/todo-api";
import * as api from "@/lib/api-versioning/contract";
import { toV2View } from "@/lib/api-versioning/service";
import { preconditionsOf } from "@/lib/http/etag";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";
import { TODO_READ_HEADERS } from "@/lib/todo-api/http";
import { deleteTodo, getTodo, todoEtag, updateTodo } from "@/lib/todo-api/service";
import { mayDelete, notFound, preconditions, settle } from "@/lib/todo-api/writes";

// One todo in v2: the same rows and the same rules as /api/v1/todos/:id (ETags, If-Match,
// merge patches), with `text` for `title`.

const todoUrl = (row: Todo) => `/api/v2/todos/${row.id}`;

// GET /api/v2/todos/:id — read one todo
const read = lessonApi.route(api.readTodoV2, {
  span: ["db", "Select the todo"],
  run: ({ caller, params }) => getTodo({ sandboxId: caller.id, id: params.id }),
  respond: (row, { req, params }) => {
    if (!row) throw notFound(params.id);
    return jsonWithEtag(req, toV2View(row), {
      etag: todoEtag(row),
      lastModified: row.updatedAt,
      headers: TODO_READ_HEADERS,
    });
  },
});

/** v2's fields, as the service names them. */
const write = ({
  req,
  caller,
  params,
  body,
}: {
  req: Request;
  caller: { id: string };
  params: { id: number };
  body: { text?: string; done?: boolean };
}) =>
  updateTodo({
    sandboxId: caller.id,
    id: params.id,
    changes: {
      ...(body.text === undefined ? {} : { title: body.text }),
      ...(body.done === undefined ? {} : { done: body.done }),
    },
    check: preconditions(req, preconditionsOf(req)),
  });

// PUT /api/v2/todos/:id — replace a todo: text and done
const replace = lessonApi.route(api.replaceTodoV2, {
  span: ["db", "Lock, check preconditions, update"],
  run: write,
  respond: (outcome, { params }) => {
    const row = settle(outcome, params.id);
    return Response.json(toV2View(row), { headers: { "content-location": todoUrl(row) } });
  },
});

// PATCH /api/v2/todos/:id — change some fields (a JSON Merge Patch)
const patch = lessonApi.route(api.patchTodoV2, {
  span: ["db", "Lock, check preconditions, update"],
  run: write,
  respond: (outcome, { req, params }) => {
    const row = settle(outcome, params.id);
    return jsonWithEtag(req, toV2View(row), {
      etag: todoEtag(row),
      lastModified: row.updatedAt,
      headers: { "content-location": todoUrl(row) },
    });
  },
});

// DELETE /api/v2/todos/:id — delete a todo (one that is not done needs If-Match)
const remove = lessonApi.route(api.deleteTodoV2, {
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
