import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";
import { requiredString, wholeNumber } from "@/lib/http/fields";
import { TODO_SORTS, type TodoSort } from "./sorts";

/**
 * The Todo API's contract: what each operation takes and answers. Handlers validate with it,
 * tests check responses against it, and /api/openapi.json is generated from it.
 */

export const MAX_PAGE_SIZE = 100;
export const MAX_TITLE_LENGTH = 200;
/** The most todos one sandbox holds; creating more is 409 until some are deleted. */
export const MAX_TODOS = 1000;

// #region bodies
const title = requiredString()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`)
  .refine((s) => !s.includes("\0"), "must not contain NUL (\\u0000) characters");
const done = z.boolean({
  error: (issue) => (issue.input === undefined ? "is required" : "must be true or false"),
});

export const listTodosQuery = z.strictObject({
  page: wholeNumber(1, 10_000).default(1),
  limit: wholeNumber(1, MAX_PAGE_SIZE).default(10),
  done: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .transform((v) => v === "true")
    .optional(),
  q: z
    .string()
    .trim()
    .max(100, "must be at most 100 characters")
    .refine((s) => !s.includes("\0"), "must not contain NUL (\\u0000) characters")
    .optional(),
  sort: z
    .enum(Object.keys(TODO_SORTS) as [TodoSort, ...TodoSort[]], {
      error: `must be one of ${Object.keys(TODO_SORTS).join(", ")}`,
    })
    .default("id"),
});
export type ListTodosQuery = z.infer<typeof listTodosQuery>;

export const todoParams = z.strictObject({
  id: wholeNumber(1, 2_147_483_647, { min: "must be a positive id", max: "is too large" }),
});

export const createTodoBody = z.strictObject({ title, done: done.default(false) });
export type CreateTodoBody = z.infer<typeof createTodoBody>;

export const replaceTodoBody = z.strictObject({ title, done });
export type ReplaceTodoBody = z.infer<typeof replaceTodoBody>;

export const patchTodoBody = z
  .strictObject({ title: title.optional(), done: done.optional() })
  .refine((body) => body.title !== undefined || body.done !== undefined, {
    message: "send at least one of title, done",
  });
export type PatchTodoBody = z.infer<typeof patchTodoBody>;
// #endregion

/** A todo as the API shows it. */
export const todoView = z.strictObject({
  id: z.number().int().positive(),
  title: z.string(),
  done: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TodoView = z.infer<typeof todoView>;

export const todoPage = z.strictObject({
  data: z.array(todoView),
  pagination: z.strictObject({
    page: z.number().int().positive(),
    limit: z.number().int().positive(),
    total: z.number().int().nonnegative(),
    totalPages: z.number().int().positive(),
  }),
});
export type TodoPage = z.infer<typeof todoPage>;

const etag = {
  etag: {
    description: "The todo's version; send it back in If-Match or If-None-Match",
    required: true,
  },
};

export const listTodos = defineOperation({
  method: "GET",
  path: "/api/v1/todos",
  summary: "List your todos: page, limit, done, q, sort",
  query: listTodosQuery,
  responses: {
    200: {
      description: "A page of todos and how to reach the others",
      body: todoPage,
      headers: {
        ...etag,
        link: { description: "first, last, prev and next pages (RFC 8288)", required: true },
      },
    },
    304: { description: "Your copy (If-None-Match) is still current" },
  },
  problems: ["validation"],
});

export const createTodo = defineOperation({
  method: "POST",
  path: "/api/v1/todos",
  summary: "Create a todo",
  body: createTodoBody,
  responses: {
    201: {
      description: "Created; Location says where it lives",
      body: todoView,
      headers: { ...etag, location: { description: "The new todo's URL", required: true } },
    },
  },
  problems: [
    "malformed-request",
    "unsupported-media-type",
    "content-too-large",
    "validation",
    "conflict",
  ],
});

export const readTodo = defineOperation({
  method: "GET",
  path: "/api/v1/todos/{id}",
  summary: "Read one todo",
  params: todoParams,
  responses: {
    200: { description: "The todo", body: todoView, headers: etag },
    304: { description: "Your copy (If-None-Match) is still current" },
  },
  problems: ["validation", "not-found"],
});

const writeProblems = [
  "malformed-request",
  "unsupported-media-type",
  "content-too-large",
  "validation",
  "not-found",
  "precondition-failed",
] as const;

export const replaceTodo = defineOperation({
  method: "PUT",
  path: "/api/v1/todos/{id}",
  summary: "Replace a todo (every field)",
  params: todoParams,
  body: replaceTodoBody,
  responses: { 200: { description: "The todo as it is now", body: todoView, headers: etag } },
  problems: writeProblems,
});

export const patchTodo = defineOperation({
  method: "PATCH",
  path: "/api/v1/todos/{id}",
  summary: "Change some fields of a todo",
  params: todoParams,
  body: patchTodoBody,
  responses: { 200: { description: "The todo as it is now", body: todoView, headers: etag } },
  problems: writeProblems,
});

export const deleteTodo = defineOperation({
  method: "DELETE",
  path: "/api/v1/todos/{id}",
  summary: "Delete a todo",
  params: todoParams,
  responses: { 204: { description: "Deleted" } },
  problems: ["validation", "not-found", "precondition-failed"],
});

/** The Todo API, in the order the lesson teaches it. */
export const todoApi = [
  listTodos,
  createTodo,
  readTodo,
  replaceTodo,
  patchTodo,
  deleteTodo,
] as const;
