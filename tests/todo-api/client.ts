import * as item from "@/app/api/v1/(todo-api)/todos/[id]/route";
import * as collection from "@/app/api/v1/(todo-api)/todos/route";
import type { Operation } from "@/lib/http/contract";
import * as api from "@/lib/todo-api/contract";
import type { TodoView } from "@/lib/todo-api/service";
import { expectConforms } from "../contract";
import { type CallOptions, call } from "../harness";

/**
 * Every call through this client is checked against the Todo API's contract (status, body
 * schema, required headers), so every test of the API also tests that the contract is true.
 */
async function checked(
  operation: Operation | undefined,
  res: Promise<Response>,
): Promise<Response> {
  const response = await res;
  if (operation) await expectConforms(operation, response);
  return response;
}

export type { TodoView };
export type TodoPage = {
  data: TodoView[];
  pagination: { page: number; limit: number; total: number; totalPages: number };
};

const itemRoutes = {
  GET: item.GET,
  HEAD: item.HEAD,
  POST: item.POST,
  PUT: item.PUT,
  PATCH: item.PATCH,
  DELETE: item.DELETE,
  OPTIONS: item.OPTIONS,
};

const itemOperations: Partial<Record<keyof typeof itemRoutes, Operation>> = {
  GET: api.readTodo,
  PUT: api.replaceTodo,
  PATCH: api.patchTodo,
  DELETE: api.deleteTodo,
};

/** `method` /api/v1/todos/:id */
export const todo = (
  method: keyof typeof itemRoutes,
  id: string | number,
  options: CallOptions = {},
) =>
  checked(
    itemOperations[method],
    call(itemRoutes[method], `/api/v1/todos/${id}`, { id: String(id) }, { ...options, method }),
  );

const collectionRoutes = {
  GET: collection.GET,
  HEAD: collection.HEAD,
  POST: collection.POST,
  PUT: collection.PUT,
  PATCH: collection.PATCH,
  DELETE: collection.DELETE,
  OPTIONS: collection.OPTIONS,
};

/** `method` /api/v1/todos */
export const todos = (method: keyof typeof collectionRoutes, options: CallOptions = {}) =>
  checked(
    method === "GET" ? api.listTodos : method === "POST" ? api.createTodo : undefined,
    call(collectionRoutes[method], "/api/v1/todos", {}, { ...options, method }),
  );

/** GET /api/v1/todos */
export const listTodos = (
  key: string,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
) => todos("GET", { key, query, headers });

/** POST /api/v1/todos */
export const createTodo = (key: string, body: unknown, options: CallOptions = {}) =>
  checked(
    api.createTodo,
    call(collection.POST, "/api/v1/todos", {}, { key, method: "POST", body, ...options }),
  );

/** The current ETag of todo `id`, read with a plain GET. */
export async function etagOf(key: string, id: number): Promise<string> {
  const res = await todo("GET", id, { key });
  const etag = res.headers.get("etag");
  if (res.status !== 200 || !etag) throw new Error(`GET todo ${id}: ${res.status}, no ETag`);
  return etag;
}
