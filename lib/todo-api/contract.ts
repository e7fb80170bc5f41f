import { z } from "zod";
import { TODO_V1_DEPRECATION } from "@/lib/api-versioning/policy";
import { PATCH_TYPES } from "@/lib/http/constants";
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

export { PATCH_TYPES };

// #region bodies
export const titleRules = (text: z.ZodString) =>
  text
    .trim()
    .min(1, "must not be empty")
    .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`)
    .refine((s) => !s.includes("\0"), "must not contain NUL (\\u0000) characters");
const title = titleRules(requiredString());
export const done = z.boolean({
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

// In a merge patch, null removes a member; every todo has a title and a done, so null is refused.
const cannotRemove = "cannot be removed (null removes a field in a merge patch): send a new value";
const patchTitle = z.string({
  error: (issue) => (issue.input === null ? cannotRemove : "must be a string"),
});
export const patchTodoBody = z
  .strictObject(
    {
      title: titleRules(patchTitle).optional(),
      done: z
        .boolean({
          error: (issue) => (issue.input === null ? cannotRemove : "must be true or false"),
        })
        .optional(),
    },
    { error: "must be a JSON object with the fields to change" },
  )
  .refine((body) => body.title !== undefined || body.done !== undefined, {
    message: "send at least one of title, done (an empty patch would change nothing)",
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

export const etag = {
  etag: {
    description:
      "The todo's version: send it back in If-None-Match (to revalidate) or If-Match (to write)",
    required: true,
  },
};
/** What every 200 to a GET of the API carries: validators, and how it may be cached. */
export const cacheable = {
  "last-modified": {
    description: "When it last changed (an HTTP-date); send it back in If-Modified-Since",
    required: true,
  },
  "cache-control": {
    description:
      "private, no-cache: your browser may keep a copy, but must revalidate it each time",
    required: true,
  },
  vary: { description: "The answer depends on your sandbox key", required: true },
};
export const notModified = {
  description: "Your copy (If-None-Match, or If-Modified-Since without it) is still current",
  headers: { ...etag, "cache-control": cacheable["cache-control"] },
};
export const contentLocation = {
  "content-location": {
    description: "The todo's URL: the body is its representation as it is now",
    required: true,
  },
};
export const conditionalRead = ["validation", "malformed-request", "precondition-failed"] as const;

export const listTodos = defineOperation({
  method: "GET",
  path: "/api/v1/todos",
  deprecation: TODO_V1_DEPRECATION,
  summary: "List your todos: page, limit, done, q, sort",
  query: listTodosQuery,
  responses: {
    200: {
      description: "A page of todos and how to reach the others",
      body: todoPage,
      headers: {
        ...etag,
        ...cacheable,
        link: { description: "first, last, prev and next pages (RFC 8288)", required: true },
      },
    },
    304: notModified,
  },
  problems: conditionalRead,
});

export const createTodo = defineOperation({
  method: "POST",
  path: "/api/v1/todos",
  deprecation: TODO_V1_DEPRECATION,
  summary: "Create a todo",
  body: createTodoBody,
  responses: {
    201: {
      description: "Created; Location says where it lives",
      body: todoView,
      headers: {
        ...etag,
        "last-modified": cacheable["last-modified"],
        location: { description: "The new todo's URL", required: true },
      },
    },
  },
  problems: ["conflict"],
});

export const readTodo = defineOperation({
  method: "GET",
  path: "/api/v1/todos/{id}",
  deprecation: TODO_V1_DEPRECATION,
  summary: "Read one todo",
  params: todoParams,
  responses: {
    200: {
      description: "The todo",
      body: todoView,
      headers: {
        ...etag,
        ...cacheable,
        "accept-patch": { description: "The bodies PATCH takes here", required: true },
      },
    },
    304: notModified,
  },
  problems: [...conditionalRead, "not-found"],
});

export const writeProblems = ["not-found", "precondition-failed"] as const;

export const replaceTodo = defineOperation({
  method: "PUT",
  path: "/api/v1/todos/{id}",
  deprecation: TODO_V1_DEPRECATION,
  summary: "Replace a todo (every field)",
  description:
    "No ETag or Last-Modified in the answer (RFC 9110 §9.3.4): what is stored is not exactly what was sent, since the title is trimmed and the server adds id and timestamps. GET the todo for its validators.",
  params: todoParams,
  body: replaceTodoBody,
  responses: {
    200: { description: "The todo as it is now", body: todoView, headers: contentLocation },
  },
  problems: writeProblems,
});

export const patchTodo = defineOperation({
  method: "PATCH",
  path: "/api/v1/todos/{id}",
  deprecation: TODO_V1_DEPRECATION,
  summary: "Change some fields of a todo (JSON Merge Patch, RFC 7396)",
  params: todoParams,
  body: patchTodoBody,
  bodyTypes: PATCH_TYPES,
  responses: {
    200: {
      description: "The todo as it is now",
      body: todoView,
      headers: { ...etag, "last-modified": cacheable["last-modified"], ...contentLocation },
    },
  },
  problems: writeProblems,
});

export const deleteTodo = defineOperation({
  method: "DELETE",
  path: "/api/v1/todos/{id}",
  deprecation: TODO_V1_DEPRECATION,
  summary: "Delete a todo; one that is not done needs If-Match",
  params: todoParams,
  responses: { 204: { description: "Deleted" } },
  problems: [
    "malformed-request",
    "validation",
    "not-found",
    "precondition-failed",
    "precondition-required",
  ],
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
