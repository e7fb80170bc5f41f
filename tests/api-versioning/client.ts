import * as byHeader from "@/app/api/(api-versioning)/todos/route";
import * as item from "@/app/api/v2/(api-versioning)/todos/[id]/route";
import * as collection from "@/app/api/v2/(api-versioning)/todos/route";
import * as api from "@/lib/api-versioning/contract";
import type { Operation } from "@/lib/http/contract";
import { expectConforms } from "../contract";
import { type CallOptions, call } from "../harness";

export { todo as todoV1, todos as todosV1 } from "../todo-api/client";

/** Every call is checked against v2's contract (status, body schema, required headers). */
async function checked(operation: Operation | undefined, res: Promise<Response>) {
  const response = await res;
  if (operation) await expectConforms(operation, response);
  return response;
}

type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

const routesOf = (m: typeof item) => ({
  GET: m.GET,
  HEAD: m.HEAD,
  POST: m.POST,
  PUT: m.PUT,
  PATCH: m.PATCH,
  DELETE: m.DELETE,
  OPTIONS: m.OPTIONS,
});
const itemRoutes = routesOf(item);
const collectionRoutes = routesOf(collection);

const itemOperations: Partial<Record<Method, Operation>> = {
  GET: api.readTodoV2,
  PUT: api.replaceTodoV2,
  PATCH: api.patchTodoV2,
  DELETE: api.deleteTodoV2,
};

/** `method` /api/v2/todos/:id */
export const todoV2 = (method: Method, id: string | number, options: CallOptions = {}) =>
  checked(
    itemOperations[method],
    call(itemRoutes[method], `/api/v2/todos/${id}`, { id: String(id) }, { ...options, method }),
  );

/** `method` /api/v2/todos */
export const todosV2 = (method: Method, options: CallOptions = {}) =>
  checked(
    method === "GET" ? api.listTodosV2 : method === "POST" ? api.createTodoV2 : undefined,
    call(collectionRoutes[method], "/api/v2/todos", {}, { ...options, method }),
  );

/** GET /api/todos, the version chosen by the headers given. */
export const todosByHeader = (options: CallOptions = {}) =>
  checked(
    api.listTodosByHeader,
    call(byHeader.GET, "/api/todos", {}, { ...options, method: "GET" }),
  );

export type V2Page = {
  data: { id: number; text: string; done: boolean; createdAt: string; updatedAt: string }[];
  nextCursor: string | null;
};
