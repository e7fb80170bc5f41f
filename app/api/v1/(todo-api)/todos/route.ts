import { jsonTextWithEtag, jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";
import * as api from "@/lib/todo-api/contract";
import { CACHE_HEADERS } from "@/lib/todo-api/http";
import { createTodo, listTodos, todoEtag, toView } from "@/lib/todo-api/service";

// Every lesson route runs the same steps, in this order, and the kit does all but the last two:
// 1. identify: whose todos? Your sandbox, from X-Sandbox-Key or the cookie (and count the request)
// 2. parse: the path, query and body, validated against the contract in lib/todo-api/contract.ts
// 3. call the service          4. respond

// GET /api/v1/todos — list the todos in your sandbox, a page at a time
const list = lessonApi.route(api.listTodos, {
  // 3. One query returns the page and the total.
  span: ["db", "Select a page of todos"],
  run: ({ caller, query }) => listTodos({ sandboxId: caller.id, ...query }),
  // 4. The page, how to get the others, and its validators: an ETag (a hash of the bytes) and
  // Last-Modified (the last change to any of your todos, deletes included). The todos arrive from
  // the database as JSON text already (see listTodos), so they are placed in the body as they are.
  respond: ({ data, total, modifiedAt }, { req, query }) => {
    const totalPages = Math.max(1, Math.ceil(total / query.limit));
    const pagination = { page: query.page, limit: query.limit, total, totalPages };
    return jsonTextWithEtag(req, `{"data":${data},"pagination":${JSON.stringify(pagination)}}`, {
      lastModified: modifiedAt ?? undefined,
      headers: { ...CACHE_HEADERS, link: pageLinks(req.nextUrl, query.page, totalPages) },
    });
  },
});

// #region create
// POST /api/v1/todos — create a todo in your sandbox
const create = lessonApi.route(api.createTodo, {
  span: ["db", "Insert the todo"],
  run: ({ caller, body }) => createTodo({ sandboxId: caller.id, ...body }),
  // 4. 201 Created, with where the new todo lives.
  respond: (row, { req }) =>
    jsonWithEtag(req, toView(row), {
      status: 201,
      etag: todoEtag(row),
      lastModified: row.updatedAt,
      headers: { location: `/api/v1/todos/${row.id}` },
    }),
});
// #endregion

function pageLinks(url: URL, page: number, totalPages: number): string {
  const params = new URLSearchParams(url.search);
  const link = (p: number, rel: string) => {
    params.set("page", String(p));
    return `<${url.pathname}?${params}>; rel="${rel}"`;
  };
  const links = [link(1, "first"), link(totalPages, "last")];
  if (page > 1) links.push(link(Math.min(page - 1, totalPages), "prev"));
  if (page < totalPages) links.push(link(page + 1, "next"));
  return links.join(", ");
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: list,
  POST: create,
});
