import * as api from "@/lib/api-versioning/contract";
import { decodeCursor, encodeCursor } from "@/lib/api-versioning/cursor";
import { listTodosAfter, toV2View } from "@/lib/api-versioning/service";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";
import { CACHE_HEADERS } from "@/lib/todo-api/http";
import { createTodo, todoEtag } from "@/lib/todo-api/service";

// The same todos as /api/v1/todos, from the same service: only the representation differs.

// #region list
// GET /api/v2/todos — a page of your todos, continued by cursor
const list = lessonApi.route(api.listTodosV2, {
  span: ["db", "Select the todos after the cursor"],
  run: async ({ caller, query: { cursor, limit, done, q } }) => {
    // 1. A cursor that was not issued for this list (forged, edited, other filters) is a 400.
    const after = cursor ? decodeCursor(caller.id, cursor, { done, q }) : 0;
    // 2. Keyset pagination: WHERE id > after ORDER BY id LIMIT limit + 1.
    return listTodosAfter({ sandboxId: caller.id, after, limit, done, q });
  },
  // 3. The page and the cursor to the next one: no page numbers, no total.
  respond: ({ rows, more, modifiedAt }, { req, caller, query: { done, q } }) => {
    const last = rows.at(-1);
    const nextCursor = more && last ? encodeCursor(caller.id, { after: last.id, done, q }) : null;
    const headers: Record<string, string> = { ...CACHE_HEADERS };
    if (nextCursor) headers.link = `<${nextPage(req.nextUrl, nextCursor)}>; rel="next"`;
    return jsonWithEtag(
      req,
      { data: rows.map(toV2View), nextCursor },
      { lastModified: modifiedAt ?? undefined, headers },
    );
  },
});
// #endregion

function nextPage(url: URL, cursor: string): string {
  const next = new URL(url);
  next.searchParams.set("cursor", cursor);
  return `${next.pathname}${next.search}`;
}

// POST /api/v2/todos — create a todo: `text`, where v1 says `title`
const create = lessonApi.route(api.createTodoV2, {
  span: ["db", "Insert the todo"],
  run: ({ caller, body }) =>
    createTodo({ sandboxId: caller.id, title: body.text, done: body.done }),
  respond: (row, { req }) =>
    jsonWithEtag(req, toV2View(row), {
      status: 201,
      etag: todoEtag(row),
      lastModified: row.updatedAt,
      headers: { location: `/api/v2/todos/${row.id}` },
    }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: list,
  POST: create,
});
