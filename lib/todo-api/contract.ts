import { z } from "zod";
import { requiredString, wholeNumber } from "@/lib/http/fields";
import { TODO_SORTS, type TodoSort } from "@/lib/todo-api/service";

export const MAX_PAGE_SIZE = 100;
export const MAX_TITLE_LENGTH = 200;

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

export const todoParams = z.object({
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
