import * as item from "@/app/api/v1/(todo-api)/todos/[id]/route";
import * as collection from "@/app/api/v1/(todo-api)/todos/route";
import type { TodoView } from "@/lib/todo-api/service";
import { type CallOptions, call } from "../harness";

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

/** `method` /api/v1/todos/:id */
export const todo = (
  method: keyof typeof itemRoutes,
  id: string | number,
  options: CallOptions = {},
) => call(itemRoutes[method], `/api/v1/todos/${id}`, { id: String(id) }, { ...options, method });

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
  call(collectionRoutes[method], "/api/v1/todos", {}, { ...options, method });

/** GET /api/v1/todos */
export const listTodos = (
  key: string,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
) => todos("GET", { key, query, headers });

/** POST /api/v1/todos */
export const createTodo = (key: string, body: unknown, options: CallOptions = {}) =>
  call(collection.POST, "/api/v1/todos", {}, { key, method: "POST", body, ...options });
