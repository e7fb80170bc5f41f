import { todo, todoCollection } from "@/db/schema/todo-api";
import { defineLesson } from "@/lib/lessons/define";
import { todoApi } from "@/lib/todo-api/contract";
import { seedTodos } from "@/lib/todo-api/seed";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "todo-api",
  title: "Build a Todo API (CRUD)",
  summary:
    "Create, read, update and delete todos on a live API backed by Postgres: pagination, filtering, validation, caching with ETags and Last-Modified, merge patches and safe concurrent updates, then rebuild it in Express and plain Node.",
  objectives: [
    "Design a resource and its URLs, and map create, read, update and delete onto HTTP methods",
    "List a collection with pagination, filters, search, sorting and a Link header",
    "Create a resource and answer 201 Created with a Location header",
    "Tell PUT (replace) from PATCH (a JSON Merge Patch), and 400 from 415 from 422",
    "Validate input with zod and report every invalid field at once",
    "Send Cache-Control, ETag and Last-Modified so clients revalidate cheaply (304)",
    "Prevent lost updates with If-Match, and tell 409 from 412 from 428",
    "Scope every query to one tenant, and structure a handler as parse, identify, service, respond",
  ],
  minutes: 60,
  api: todoApi,
  data: { tables: [todo, todoCollection], seed: seedTodos },
  examples,
  checks,
  explains: {
    conflict: "409-conflict",
    "precondition-failed": "412-precondition-failed",
    "precondition-required": "428-precondition-required",
    validation: "422-unprocessable-content",
  },
});
