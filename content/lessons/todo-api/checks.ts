import { and, eq, gt } from "drizzle-orm";
import { todo } from "@/db/schema/todo-api";
import type { Check } from "@/lib/lessons/checks";
import { requested } from "@/lib/lessons/checks";
import { ownedBy } from "@/lib/sandbox/scope";
import { SEED_TODOS } from "@/lib/todo-api/seed";

const ONE_TODO = /^\/api\/v1\/todos\/\d+$/;

/** What "Check my work" looks for in your sandbox (its todos and its request log). */
export const checks: Check[] = [
  requested(
    {
      id: "created",
      title: "You created a todo and got 201 Created with its Location",
      hint: "Send the collection a new todo as JSON. Which method adds a member to a collection?",
    },
    { method: "POST", path: "/api/v1/todos", status: 201 },
  ),
  requested(
    {
      id: "paged",
      title: "You listed your todos a page at a time and got a Link header",
      hint: "The list takes a parameter that sets how many todos come per page; follow the Link header to the next one.",
    },
    { method: "GET", path: "/api/v1/todos", status: 200, query: { limit: true } },
  ),
  requested(
    {
      id: "rejected-invalid",
      title: "You sent an invalid todo and got 422 naming the field",
      hint: "Send a todo the schema refuses: a field of the wrong type, an empty or overlong title.",
    },
    { method: ["POST", "PUT", "PATCH"], path: /^\/api\/v1\/todos(\/\d+)?$/, status: 422 },
  ),
  requested(
    {
      id: "not-modified",
      title: "You revalidated a todo with its ETag and got 304 Not Modified",
      hint: "Read one todo, keep its ETag, and read it again sending the ETag in the header for that.",
    },
    { method: "GET", path: ONE_TODO, status: 304, sent: ["if-none-match"] },
  ),
  requested(
    {
      id: "lost-update-prevented",
      title: "You caused a 412 with a stale If-Match",
      hint: "Write a todo with the ETag you read, then write it again with that same, now old, ETag.",
    },
    { method: ["PUT", "PATCH", "DELETE"], path: ONE_TODO, status: 412, sent: ["if-match"] },
  ),
  {
    id: "finished-your-own",
    title: "A todo you created yourself is marked done",
    hint: "Create a todo of your own, then change just its done field.",
    test: async ({ db, sandboxId }) => {
      const rows = await db
        .select({ id: todo.id })
        .from(todo)
        .where(ownedBy(todo, sandboxId, and(gt(todo.id, SEED_TODOS.length), eq(todo.done, true))))
        .limit(1);
      return rows.length > 0;
    },
  },
];
