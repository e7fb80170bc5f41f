import type { Todo } from "@/db/schema";
import { ifMatch } from "@/lib/http/etag";
import { handler } from "@/lib/http/handler";
import { routeMethods } from "@/lib/http/methods";
import { HttpProblem } from "@/lib/http/problem";
import { jsonWithEtag } from "@/lib/http/respond";
import { parseJsonBody, parseParams } from "@/lib/http/validate";
import { resolveSandbox } from "@/lib/sandbox/sandboxes";
import {
  deleteTodo,
  getTodo,
  todoEtag,
  toView,
  updateTodo,
  type WriteOutcome,
} from "@/lib/todo-api/service";
import { patchTodoBody, replaceTodoBody, todoParams } from "@/lib/todo-api/contract";

type Params = { id: string };

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
const read = handler<Params>(async (req, ctx, params) => {
  const { id } = await ctx.timing.span("validate", "Validate the id", () =>
    parseParams(params, todoParams),
  );
  const sandbox = await resolveSandbox(req, ctx);
  const row = await ctx.timing.span("db", "Select the todo", () =>
    getTodo({ sandboxId: sandbox.id, id }),
  );
  if (!row) throw notFound(id);
  return jsonWithEtag(req, toView(row), { etag: todoEtag(row) });
});

// PUT /api/v1/todos/:id — replace a todo: send every field
const replace = handler<Params>(async (req, ctx, params) => {
  // 1. Parse the id and the whole new representation.
  const { id, body } = await ctx.timing.span("validate", "Validate the id and body", async () => ({
    ...parseParams(params, todoParams),
    body: await parseJsonBody(req, replaceTodoBody),
  }));
  // 2. Identify.
  const sandbox = await resolveSandbox(req, ctx);
  // 3. Write, if If-Match (when sent) still names the current version.
  const outcome = await ctx.timing.span("db", "Lock, check If-Match, update", () =>
    updateTodo({ sandboxId: sandbox.id, id, changes: body, expect: matches(req) }),
  );
  // 4. Respond with the new state and its new ETag.
  const row = settle(outcome, id, req);
  return jsonWithEtag(req, toView(row), { etag: todoEtag(row) });
});

// PATCH /api/v1/todos/:id — change some fields of a todo
const patch = handler<Params>(async (req, ctx, params) => {
  const { id, body } = await ctx.timing.span("validate", "Validate the id and body", async () => ({
    ...parseParams(params, todoParams),
    body: await parseJsonBody(req, patchTodoBody),
  }));
  const sandbox = await resolveSandbox(req, ctx);
  const outcome = await ctx.timing.span("db", "Lock, check If-Match, update", () =>
    updateTodo({ sandboxId: sandbox.id, id, changes: body, expect: matches(req) }),
  );
  const row = settle(outcome, id, req);
  return jsonWithEtag(req, toView(row), { etag: todoEtag(row) });
});

// DELETE /api/v1/todos/:id — delete a todo
const remove = handler<Params>(async (req, ctx, params) => {
  const { id } = await ctx.timing.span("validate", "Validate the id", () =>
    parseParams(params, todoParams),
  );
  const sandbox = await resolveSandbox(req, ctx);
  const outcome = await ctx.timing.span("db", "Lock, check If-Match, delete", () =>
    deleteTodo({ sandboxId: sandbox.id, id, expect: matches(req) }),
  );
  settle(outcome, id, req);
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods<Params>({
  GET: read,
  PUT: replace,
  PATCH: patch,
  DELETE: remove,
});
