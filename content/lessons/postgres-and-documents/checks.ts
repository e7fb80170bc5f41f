import { and, ne, sql } from "drizzle-orm";
import { document } from "@/db/schema/postgres-and-documents";
import { type Check, requested } from "@/lib/lessons/checks";
import { ownedBy } from "@/lib/sandbox/scope";

const OWN_COLLECTION = /^\/api\/v1\/documents\/(?!books\/)[a-z][a-z0-9_-]*\//;

/** What "Check my work" looks for after this lesson: your own collection, queried and changed. */
export const checks: Check[] = [
  {
    id: "own-collection",
    title:
      "A collection of your own holds at least 3 documents, one with a nested object and an array",
    hint: "POST three JSON objects to /api/v1/documents/<a name you choose>; give one an object inside it and a list.",
    test: async ({ db, sandboxId }) => {
      const [row] = await db
        .select({
          n: sql<number>`count(*)::int`,
          nested: sql<boolean>`bool_or(jsonb_path_exists(${document.body}, 'strict $.* ? (@.type() == "object")') and jsonb_path_exists(${document.body}, 'strict $.* ? (@.type() == "array")'))`,
        })
        .from(document)
        .where(ownedBy(document, sandboxId, ne(document.collection, "books")))
        .groupBy(document.collection)
        .orderBy(sql`count(*) desc`)
        .limit(1);
      return (row?.n ?? 0) >= 3 && row?.nested === true;
    },
  },
  requested(
    {
      id: "found-in-own",
      title: "You queried your collection with find",
      hint: "POST a filter to /api/v1/documents/<your collection>/find, with at least one operator such as $gt or $in.",
    },
    { method: "POST", path: new RegExp(`${OWN_COLLECTION.source}find$`), status: 200 },
  ),
  requested(
    {
      id: "saw-422",
      title: "You sent a filter the API refused, and read why",
      hint: "Use an operator it does not know, or compare with an object: the 422 names the place.",
    },
    { method: "POST", path: /^\/api\/v1\/documents\/[^/]+\/find$/, status: 422 },
  ),
  {
    id: "merge-patched",
    title: "You changed one of your documents with a merge patch that removed a field",
    hint: "PATCH /api/v1/documents/<collection>/<_id> with application/merge-patch+json, setting a field to null.",
    test: async ({ db, sandboxId, log }) => {
      const patched = log.some(
        (e) => e.method === "PATCH" && OWN_COLLECTION.test(e.path) && e.status === 200,
      );
      if (!patched) return false;
      // The document changed after it was made.
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(document)
        .where(
          and(
            ownedBy(document, sandboxId, ne(document.collection, "books")),
            sql`${document.updatedAt} > ${document.createdAt}`,
          ),
        );
      return (row?.n ?? 0) > 0;
    },
  },
];
