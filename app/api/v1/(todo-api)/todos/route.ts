import { handler } from "@/lib/http/handler";
import { routeMethods } from "@/lib/http/methods";
import { jsonWithEtag } from "@/lib/http/respond";
import { parseJsonBody, parseQuery } from "@/lib/http/validate";
import { resolveSandbox } from "@/lib/sandbox/sandboxes";
import { createTodo, listTodos, todoEtag, toView } from "@/lib/todo-api/service";
import { createTodoBody, listTodosQuery } from "@/lib/todo-api/contract";

// GET /api/v1/todos — list the todos in your sandbox, a page at a time
const list = handler(async (req, ctx) => {
  // 1. Parse: page, limit, done, q and sort from the query string, each bounded.
  const query = await ctx.timing.span("validate", "Validate the query string", () =>
    parseQuery(req, listTodosQuery),
  );
  // 2. Identify: whose todos? Your sandbox, from X-Sandbox-Key or the cookie.
  const sandbox = await resolveSandbox(req, ctx);
  // 3. Call the service: one query returns the page and the total.
  const { rows, total } = await ctx.timing.span("db", "Select a page of todos", () =>
    listTodos({ sandboxId: sandbox.id, ...query }),
  );
  // 4. Respond: the page, how to get the others, and an ETag for If-None-Match.
  const totalPages = Math.max(1, Math.ceil(total / query.limit));
  return jsonWithEtag(
    req,
    {
      data: rows.map(toView),
      pagination: { page: query.page, limit: query.limit, total, totalPages },
    },
    { headers: { link: pageLinks(req.nextUrl, query.page, totalPages) } },
  );
});

// POST /api/v1/todos — create a todo in your sandbox
const create = handler(async (req, ctx) => {
  // 1. Parse: a JSON body with a title (and optionally done), nothing else.
  const body = await ctx.timing.span("validate", "Validate the JSON body", () =>
    parseJsonBody(req, createTodoBody),
  );
  // 2. Identify.
  const sandbox = await resolveSandbox(req, ctx);
  // 3. Call the service.
  const row = await ctx.timing.span("db", "Insert the todo", () =>
    createTodo({ sandboxId: sandbox.id, ...body }),
  );
  // 4. Respond 201 Created, with where the new todo lives.
  return jsonWithEtag(req, toView(row), {
    status: 201,
    etag: todoEtag(row),
    headers: { location: `/api/v1/todos/${row.id}` },
  });
});

function pageLinks(url: URL, page: number, totalPages: number): string {
  const link = (p: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set("page", String(p));
    return `<${target.pathname}${target.search}>; rel="${rel}"`;
  };
  const links = [link(1, "first"), link(totalPages, "last")];
  if (page > 1) links.push(link(Math.min(page - 1, totalPages), "prev"));
  if (page < totalPages) links.push(link(page + 1, "next"));
  return links.join(", ");
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: list,
  POST: create,
});
