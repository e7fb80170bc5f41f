import { z } from "zod";
import { defineOperation, type HeaderSpec } from "@/lib/http/contract";
import { requiredString, wholeNumber } from "@/lib/http/fields";
import {
  cacheable,
  conditionalRead,
  contentLocation,
  done,
  etag,
  MAX_PAGE_SIZE,
  notModified,
  PATCH_TYPES,
  replaceTodo,
  titleRules,
  todoPage,
  todoParams,
  writeProblems,
} from "@/lib/todo-api/contract";

/**
 * v2 of the Todo API: the same todos as v1 (same table, same service), shown differently. What
 * changed, and why, is the lesson's migration guide; every difference from v1 is here:
 * 1. `title` is `text`, in what the API answers and in what it takes;
 * 2. a list is read with an opaque `cursor` (keyset pagination), not `page` numbers, and says no
 *    `total`; `sort` is gone (a cursor needs one stable order: creation, oldest first);
 * 3. v2 is not deprecated: no Deprecation, Sunset or deprecation Link.
 */

/** The longest cursor accepted; the ones we issue are under 100 characters. */
export const MAX_CURSOR_LENGTH = 512;

// #region v2-bodies
const text = titleRules(requiredString());
const cannotRemove = "cannot be removed (null removes a field in a merge patch): send a new value";

export const listTodosV2Query = z.strictObject({
  cursor: z
    .string()
    .min(1, "must not be empty: leave it out for the first page")
    .max(MAX_CURSOR_LENGTH, `must be at most ${MAX_CURSOR_LENGTH} characters`)
    .optional()
    .describe("Where to continue: the nextCursor of the page before. Leave it out for the first."),
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
});
export type ListTodosV2Query = z.infer<typeof listTodosV2Query>;

export const createTodoV2Body = z.strictObject({ text, done: done.default(false) });
export const replaceTodoV2Body = z.strictObject({ text, done });
export const patchTodoV2Body = z
  .strictObject(
    {
      text: titleRules(
        z.string({ error: (i) => (i.input === null ? cannotRemove : "must be a string") }),
      ).optional(),
      done: z
        .boolean({ error: (i) => (i.input === null ? cannotRemove : "must be true or false") })
        .optional(),
    },
    { error: "must be a JSON object with the fields to change" },
  )
  .refine((body) => body.text !== undefined || body.done !== undefined, {
    message: "send at least one of text, done (an empty patch would change nothing)",
  });
// #endregion

// #region v2-view
/** A todo as v2 shows it: `text` where v1 says `title`. */
export const todoV2View = z.strictObject({
  id: z.number().int().positive(),
  text: z.string(),
  done: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TodoV2View = z.infer<typeof todoV2View>;

/** A page of todos: no page number and no total, just where to go on from. */
export const todoV2Page = z.strictObject({
  data: z.array(todoV2View),
  nextCursor: z
    .string()
    .nullable()
    .describe("Send it as ?cursor= for the next page; null on the last page"),
});
// #endregion

export const listTodosV2 = defineOperation({
  method: "GET",
  path: "/api/v2/todos",
  summary: "List your todos, a page at a time by cursor: cursor, limit, done, q",
  query: listTodosV2Query,
  responses: {
    200: {
      description: "A page of todos and the cursor to the next",
      body: todoV2Page,
      headers: {
        ...etag,
        ...cacheable,
        link: { description: 'rel="next" when there is a next page (RFC 8288)' },
      },
    },
    304: notModified,
  },
  problems: [...conditionalRead, "invalid-cursor"],
});

export const createTodoV2 = defineOperation({
  method: "POST",
  path: "/api/v2/todos",
  summary: "Create a todo",
  body: createTodoV2Body,
  responses: {
    201: {
      description: "Created; Location says where it lives",
      body: todoV2View,
      headers: {
        ...etag,
        "last-modified": cacheable["last-modified"],
        location: { description: "The new todo's URL", required: true },
      },
    },
  },
  problems: ["conflict"],
});

export const readTodoV2 = defineOperation({
  method: "GET",
  path: "/api/v2/todos/{id}",
  summary: "Read one todo",
  params: todoParams,
  responses: {
    200: {
      description: "The todo",
      body: todoV2View,
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

export const replaceTodoV2 = defineOperation({
  method: "PUT",
  path: "/api/v2/todos/{id}",
  summary: "Replace a todo (every field)",
  description: replaceTodo.description.replace("the title is trimmed", "the text is trimmed"),
  params: todoParams,
  body: replaceTodoV2Body,
  responses: {
    200: { description: "The todo as it is now", body: todoV2View, headers: contentLocation },
  },
  problems: writeProblems,
});

export const patchTodoV2 = defineOperation({
  method: "PATCH",
  path: "/api/v2/todos/{id}",
  summary: "Change some fields of a todo (JSON Merge Patch, RFC 7396)",
  params: todoParams,
  body: patchTodoV2Body,
  bodyTypes: PATCH_TYPES,
  responses: {
    200: {
      description: "The todo as it is now",
      body: todoV2View,
      headers: { ...etag, "last-modified": cacheable["last-modified"], ...contentLocation },
    },
  },
  problems: writeProblems,
});

export const deleteTodoV2 = defineOperation({
  method: "DELETE",
  path: "/api/v2/todos/{id}",
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

/** The version a request asks for in `API-Version` or a versioned media type in `Accept`. */
const chooseVersion: Record<string, HeaderSpec> = {
  "api-version": { description: "1 or 2; 1 when neither this nor Accept names one" },
  accept: {
    description:
      "application/vnd.bmj.todo.v1+json or application/vnd.bmj.todo.v2+json also choose the version",
  },
};

export const listTodosByHeader = defineOperation({
  method: "GET",
  path: "/api/todos",
  summary: "List your todos in the version you ask for (API-Version or Accept)",
  description:
    "The same list as /api/v1/todos or /api/v2/todos, the version chosen by a header instead of the path: API-Version: 2, or Accept: application/vnd.bmj.todo.v2+json. Without either, v1 (what every client got before versions existed). The query is that version's; Vary says the answer depends on both headers.",
  requestHeaders: chooseVersion,
  responses: {
    200: {
      description: "The list, as the chosen version shows it",
      body: z.union([todoPage, todoV2Page]),
      headers: {
        vary: { description: "API-Version, Accept, and your sandbox key", required: true },
        "api-version": { description: "The version that answered", required: true },
      },
    },
    304: notModified,
  },
  problems: [
    "validation",
    "malformed-request",
    "precondition-failed",
    "invalid-cursor",
    "unknown-api-version",
    "not-acceptable",
  ],
});

/** v2, in the order the lesson teaches it, then versioning by header. */
export const todoV2Api = [
  listTodosV2,
  createTodoV2,
  readTodoV2,
  replaceTodoV2,
  patchTodoV2,
  deleteTodoV2,
] as const;
