import { z } from "zod";
import { TODO_SORTS, type TodoSort } from "@/lib/todos/service";

export const MAX_PAGE_SIZE = 100;
export const MAX_TITLE_LENGTH = 200;

const title = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`)
  .refine((s) => !s.includes("\0"), "must not contain NUL (\\u0000) characters");
const done = z.boolean({ error: "must be true or false" });

export const listTodosQuery = z.strictObject({
  page: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(10_000, "must be at most 10000")
    .default(1),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(10),
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
  id: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .positive("must be a positive id")
    .max(2_147_483_647, "is too large"),
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
