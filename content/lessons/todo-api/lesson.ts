import { todo } from "@/db/schema/todo-api";
import { defineLesson } from "@/lib/lessons/define";
import { todoApi } from "@/lib/todo-api/contract";
import { seedTodos } from "@/lib/todo-api/seed";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "todo-api",
  title: "Build a Todo API (CRUD)",
  summary:
    "Create, read, update and delete todos on a live API backed by Postgres: pagination, filtering, validation, ETags and safe concurrent updates, then rebuild it in Express or plain Node.",
  objectives: [
    "Design a resource and its URLs, and map create, read, update and delete onto HTTP methods",
    "List a collection with pagination, filters, search, sorting and a Link header",
    "Create a resource and answer 201 Created with a Location header",
    "Tell PUT (replace) from PATCH (partial update), and 400 from 415 from 422",
    "Validate input with zod and report every invalid field at once",
    "Use ETags for 304 Not Modified and If-Match to prevent lost updates (412)",
    "Scope every query to one tenant, and structure a handler as parse, identify, service, respond",
  ],
  minutes: 60,
  api: todoApi,
  data: { tables: [todo], seed: seedTodos },
  examples,
  checks,
  explains: {
    "precondition-failed": "412-precondition-failed",
    validation: "422-unprocessable-content",
  },
});
