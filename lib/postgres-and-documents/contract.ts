import { z } from "zod";
import { PATCH_TYPES } from "@/lib/http/constants";
import { defineOperation } from "@/lib/http/contract";
import { wholeNumber } from "@/lib/http/fields";
import { compileFilter, FILTER_LIMITS, type FilterIssue } from "./filter";

/**
 * The documents API's contract: JSON documents in named collections, stored in a JSONB column,
 * found with MongoDB's filter language. Handlers validate with it, tests check responses against
 * it, and /api/openapi.json is generated from it.
 */

/** How much one sandbox may store here. */
export const DOCUMENT_LIMITS = { collections: 10, perCollection: 500, depth: 10, findLimit: 100 };

const addIssues = (ctx: z.RefinementCtx, issues: FilterIssue[]) => {
  for (const { path, message } of issues) ctx.addIssue({ code: "custom", path, message });
};

// #region document-rules
/**
 * What a stored document may hold: any JSON object, except names a filter could not address
 * (empty, with a dot, starting with $) and text Postgres cannot store (NUL, \u0000). `_id` is the
 * server's.
 */
function documentIssues(
  value: unknown,
  path: Array<string | number>,
  depth: number,
): FilterIssue[] {
  if (typeof value === "string") {
    return value.includes("\0") ? [{ path, message: "must not contain NUL (\\u0000)" }] : [];
  }
  if (typeof value !== "object" || value === null) return [];
  if (depth > DOCUMENT_LIMITS.depth) {
    return [{ path, message: `nests deeper than ${DOCUMENT_LIMITS.depth} levels` }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => documentIssues(item, [...path, i], depth + 1));
  }
  return Object.entries(value).flatMap(([key, item]) => {
    const at = [...path, key];
    if (key === "") return [{ path, message: 'has a field with an empty name ("")' }];
    if (key.startsWith("$")) return [{ path: at, message: "must not start with $ (operators do)" }];
    if (key.includes(".")) return [{ path: at, message: "must not contain a dot (paths do)" }];
    if (key.includes("\0")) return [{ path: at, message: "must not contain NUL (\\u0000)" }];
    if (key === "__proto__") return [{ path: at, message: "is not allowed as a name" }];
    if (key === "_id" && depth === 1) {
      return [{ path: at, message: "is assigned by the server; leave it out" }];
    }
    return documentIssues(item, at, depth + 1);
  });
}
// #endregion

export const documentBody = z
  .record(z.string(), z.unknown())
  .superRefine((doc, ctx) => addIssues(ctx, documentIssues(doc, [], 1)))
  .describe("Any JSON object. Names must not be empty, contain a dot or start with $; no _id.");

const filter = z
  .record(z.string(), z.unknown())
  .describe(
    'A MongoDB-style filter: { "field": value }, { "a.b": { "$gt": 1 } }, operators $eq $ne $gt $gte $lt $lte $in $nin $exists $not, and $and / $or around whole filters',
  )
  .transform((value, ctx) => {
    const { predicate, issues } = compileFilter(value);
    const nul = JSON.stringify(value).includes("\\u0000");
    if (nul) issues.push({ path: [], message: "must not contain NUL (\\u0000)" });
    if (issues.length > 0) {
      addIssues(ctx, issues);
      return z.NEVER;
    }
    return { source: value, predicate };
  });
export type CompiledFilter = { source: Record<string, unknown>; predicate: string | null };

const fieldPath = z
  .string()
  .regex(/^[^.$][^.]*(\.[^.]+)*$/, "is not a field path like price or author.name")
  .max(200);

export const findBody = z.strictObject({
  filter: filter.prefault({}).describe("Which documents; {} (the default) is all of them"),
  sort: z
    .record(fieldPath, z.union([z.literal(1), z.literal(-1)], { error: "must be 1 or -1" }))
    .refine((s) => Object.keys(s).length <= 3, "sorts by at most 3 fields")
    .optional()
    .describe('{ "price": -1, "title": 1 }: 1 ascending, -1 descending, in order'),
  limit: z.number().int().min(1).max(DOCUMENT_LIMITS.findLimit).default(20),
  skip: z.number().int().min(0).max(10_000).default(0),
  projection: z
    .record(fieldPath, z.union([z.literal(0), z.literal(1)], { error: "must be 0 or 1" }))
    .refine((p) => Object.keys(p).length <= 20, "names at most 20 fields")
    .refine((p) => {
      const values = new Set(
        Object.entries(p)
          .filter(([k]) => k !== "_id")
          .map(([, v]) => v),
      );
      return values.size <= 1;
    }, "either includes fields (1) or excludes them (0), not both; only _id may differ")
    .optional()
    .describe('{ "title": 1 } returns only title (and _id); { "reviews": 0 } all but reviews'),
});
export type FindBody = z.infer<typeof findBody>;

export const filterBody = z.strictObject({ filter });

const collectionName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,39}$/,
    "must be 1 to 40 lower-case letters, digits, _ or -, starting with a letter",
  );

export const collectionParams = z.strictObject({ collection: collectionName });
export const documentParams = z.strictObject({
  collection: collectionName,
  id: z.uuid({ error: "is not a document id (a UUID)" }),
});
export const listQuery = z.strictObject({
  limit: wholeNumber(1, DOCUMENT_LIMITS.findLimit).default(20),
});

const documentView = z
  .record(z.string(), z.unknown())
  .describe("The document as stored, with its _id first");

const sqlView = z.strictObject({
  text: z.string().describe("The SQL that ran, with $1, $2 … where the values went"),
  params: z
    .record(z.string(), z.unknown())
    .describe('The values bound to the placeholders: { "$1": …, "$2": … }'),
});

export const findView = z.strictObject({
  documents: z.array(documentView),
  sql: sqlView,
});

const location = { location: { description: "The new document's URL", required: true } };

// #region operations
export const listCollections = defineOperation({
  method: "GET",
  path: "/api/v1/documents",
  summary: "List your collections and how many documents each holds",
  responses: {
    200: {
      description: "Your collections, by name",
      body: z.strictObject({
        collections: z.array(z.strictObject({ name: z.string(), count: z.number().int() })),
      }),
    },
  },
});

export const insertDocument = defineOperation({
  method: "POST",
  path: "/api/v1/documents/{collection}",
  summary: "Insert a document (the collection is created by its first document)",
  params: collectionParams,
  body: documentBody,
  responses: {
    201: { description: "Stored, with its new _id", body: documentView, headers: location },
  },
  problems: ["conflict"],
});

export const listDocuments = defineOperation({
  method: "GET",
  path: "/api/v1/documents/{collection}",
  summary: "The newest documents of a collection",
  params: collectionParams,
  query: listQuery,
  responses: { 200: { description: "Newest first", body: findView } },
});

export const dropCollection = defineOperation({
  method: "DELETE",
  path: "/api/v1/documents/{collection}",
  summary: "Delete a collection and every document in it",
  params: collectionParams,
  responses: { 204: { description: "Gone (or was never there)" } },
});

export const findDocuments = defineOperation({
  method: "POST",
  path: "/api/v1/documents/{collection}/find",
  summary: "Find documents with a MongoDB-style filter, sort, limit, skip and projection",
  description:
    "POST because a filter is a JSON document; it changes nothing. The answer shows the SQL the filter became: a jsonpath predicate bound as a parameter.",
  params: collectionParams,
  body: findBody,
  responses: { 200: { description: "The matching documents and the SQL", body: findView } },
});

export const deleteMatching = defineOperation({
  method: "POST",
  path: "/api/v1/documents/{collection}/delete",
  summary: "Delete every document that matches a filter",
  params: collectionParams,
  body: filterBody,
  responses: {
    200: {
      description: "How many were deleted, and the SQL",
      body: z.strictObject({ deletedCount: z.number().int(), sql: sqlView }),
    },
  },
});

export const readDocument = defineOperation({
  method: "GET",
  path: "/api/v1/documents/{collection}/{id}",
  summary: "Read one document",
  params: documentParams,
  responses: { 200: { description: "The document", body: documentView } },
  problems: ["not-found"],
});

export const replaceDocument = defineOperation({
  method: "PUT",
  path: "/api/v1/documents/{collection}/{id}",
  summary: "Replace a document with another (its _id stays)",
  params: documentParams,
  body: documentBody,
  responses: { 200: { description: "The document as it is now", body: documentView } },
  problems: ["not-found"],
});

export const patchDocument = defineOperation({
  method: "PATCH",
  path: "/api/v1/documents/{collection}/{id}",
  summary: "Change part of a document (JSON Merge Patch, RFC 7396: null removes a field)",
  params: documentParams,
  body: documentBody,
  bodyTypes: PATCH_TYPES,
  responses: { 200: { description: "The document as it is now", body: documentView } },
  problems: ["not-found"],
});

export const deleteDocument = defineOperation({
  method: "DELETE",
  path: "/api/v1/documents/{collection}/{id}",
  summary: "Delete one document",
  params: documentParams,
  responses: { 204: { description: "Deleted" } },
  problems: ["not-found"],
});
// #endregion

export const documentsApi = [
  listCollections,
  insertDocument,
  listDocuments,
  dropCollection,
  findDocuments,
  deleteMatching,
  readDocument,
  replaceDocument,
  patchDocument,
  deleteDocument,
] as const;

export { FILTER_LIMITS };
