import { asc, desc } from "drizzle-orm";
import { todo } from "@/db/schema/todo-api";

/** The orders a todo list can be sorted in; `-` is descending. */
export const TODO_SORTS = {
  id: asc(todo.id),
  "-id": desc(todo.id),
  createdAt: asc(todo.createdAt),
  "-createdAt": desc(todo.createdAt),
  updatedAt: asc(todo.updatedAt),
  "-updatedAt": desc(todo.updatedAt),
  title: asc(todo.title),
  "-title": desc(todo.title),
} as const;
export type TodoSort = keyof typeof TODO_SORTS;
