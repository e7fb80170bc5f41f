import { listTodosByHeader, todoV2Api } from "@/lib/api-versioning/contract";
import { defineLesson } from "@/lib/lessons/define";
import { listTodos } from "@/lib/todo-api/contract";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "api-versioning",
  title: "API versioning",
  summary:
    "Change a live API's contract without breaking its clients: v2 of the Todo API renames a field and pages by cursor, v1 keeps answering with Deprecation, Sunset and a link to the migration guide, and the same list is versioned by path, by header and by media type.",
  objectives: [
    "Tell a breaking change from one that is not, and version only for the breaking ones",
    "Compare versioning by URI path, by a request header and by media type, and what each does to caches (Vary)",
    "Replace offset pagination with opaque, tamper-evident cursors (keyset pagination)",
    "Deprecate a version with the Deprecation (RFC 9745) and Sunset (RFC 8594) headers and a link to a migration guide",
    "Write a migration guide a client can follow change by change",
    "Serve two versions from one service and one table, so they cannot drift apart",
  ],
  minutes: 40,
  api: [listTodos, ...todoV2Api, listTodosByHeader],
  examples,
  checks,
  explains: {
    "invalid-cursor": "cursor-pagination",
    "unknown-api-version": "versioning-by-header",
  },
});
