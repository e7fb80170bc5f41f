import { asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { document, type StoredDocument } from "@/db/schema/postgres-and-documents";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import { type CompiledFilter, DOCUMENT_LIMITS, type FindBody } from "./contract";

export type Doc = Record<string, unknown>;
export type SqlShown = { text: string; params: Record<string, unknown> };

/** A stored document as the API answers it: its id as `_id`, first, as MongoDB shows it. */
export const toView = (row: Pick<StoredDocument, "id" | "body">): Doc => ({
  _id: row.id,
  ...row.body,
});

/** A query's SQL and the values bound to its $1, $2 …: exactly what ran. */
const shown = (query: { toSQL(): { sql: string; params: unknown[] } }): SqlShown => {
  const { sql: text, params } = query.toSQL();
  return { text, params: Object.fromEntries(params.map((value, i) => [`$${i + 1}`, value])) };
};

// #region find
/** The filter's jsonpath predicate, bound as a parameter: `body @@ $3::jsonpath`. */
const matches = (filter: CompiledFilter): SQL | undefined =>
  filter.predicate === null ? undefined : sql`${document.body} @@ ${filter.predicate}::jsonpath`;

/** The value at a dotted path, as jsonb, for ORDER BY: `body #> '{author,name}'`. */
const at = (path: string): SQL => sql`(${document.body} #> string_to_array(${path}, '.'))`;

export async function findDocuments({
  sandboxId,
  collection,
  find,
}: {
  sandboxId: string;
  collection: string;
  find: FindBody;
}): Promise<{ documents: Doc[]; sql: SqlShown }> {
  const db = await getDb();
  const order = Object.entries(find.sort ?? {}).map(([path, dir]) =>
    dir === 1 ? asc(at(path)) : desc(at(path)),
  );
  const query = db
    .select({ id: document.id, body: document.body })
    .from(document)
    .where(ownedBy(document, sandboxId, eq(document.collection, collection), matches(find.filter)))
    // Then oldest first, so equal sort keys keep one order from page to page.
    .orderBy(...order, asc(document.createdAt), asc(document.id))
    .limit(find.limit)
    .offset(find.skip);
  const rows = await query;
  return {
    documents: rows.map((row) => project(toView(row), find.projection)),
    sql: shown(query),
  };
}
// #endregion

/** The newest documents of a collection. */
export async function listDocuments(args: {
  sandboxId: string;
  collection: string;
  limit: number;
}) {
  const db = await getDb();
  const query = db
    .select({ id: document.id, body: document.body })
    .from(document)
    .where(ownedBy(document, args.sandboxId, eq(document.collection, args.collection)))
    .orderBy(desc(document.createdAt), desc(document.id))
    .limit(args.limit);
  const rows = await query;
  return { documents: rows.map(toView), sql: shown(query) };
}

export async function listCollections(sandboxId: string) {
  const db = await getDb();
  const rows = await db
    .select({ name: document.collection, count: count() })
    .from(document)
    .where(ownedBy(document, sandboxId))
    .groupBy(document.collection)
    .orderBy(asc(document.collection));
  return { collections: rows };
}

/**
 * Documents are written one sandbox at a time (a transaction-scoped lock on the sandbox's
 * documents), so the bounds on collections and documents hold under concurrent inserts.
 */
async function writing<T>(sandboxId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return sandboxTransaction(sandboxId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(2, hashtext(${sandboxId}))`);
    return work(tx);
  });
}

export type Insertion = { ok: true; doc: Doc } | { ok: false; refused: string };

export async function insertDocument({
  sandboxId,
  collection,
  body,
}: {
  sandboxId: string;
  collection: string;
  body: Doc;
}): Promise<Insertion> {
  return writing(sandboxId, async (tx) => {
    const counts = await tx
      .select({ name: document.collection, n: count() })
      .from(document)
      .where(ownedBy(document, sandboxId))
      .groupBy(document.collection);
    const here = counts.find((c) => c.name === collection);
    if (!here && counts.length >= DOCUMENT_LIMITS.collections) {
      return {
        ok: false,
        refused: `Your sandbox has ${counts.length} collections, the most it may hold. Delete one (DELETE /api/v1/documents/{collection}) or add to one you have: ${counts.map((c) => c.name).join(", ")}.`,
      };
    }
    if (here && here.n >= DOCUMENT_LIMITS.perCollection) {
      return {
        ok: false,
        refused: `Collection ${collection} holds ${here.n} documents, the most one may hold. Delete some first.`,
      };
    }
    const [row] = await tx
      .insert(document)
      .values({ sandboxId, collection, body })
      .returning({ id: document.id, body: document.body });
    return { ok: true, doc: toView(row as StoredDocument) };
  });
}

const byId = (sandboxId: string, collection: string, id: string) =>
  ownedBy(document, sandboxId, eq(document.collection, collection), eq(document.id, id));

export async function readDocument(args: { sandboxId: string; collection: string; id: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ id: document.id, body: document.body })
    .from(document)
    .where(byId(args.sandboxId, args.collection, args.id));
  return row ? toView(row) : undefined;
}

/** PUT replaces the body; PATCH merges into it (RFC 7396) under the row's lock. */
export async function writeDocument({
  sandboxId,
  collection,
  id,
  body,
  merge,
}: {
  sandboxId: string;
  collection: string;
  id: string;
  body: Doc;
  merge: boolean;
}): Promise<Doc | undefined> {
  return writing(sandboxId, async (tx) => {
    const [current] = await tx
      .select({ body: document.body })
      .from(document)
      .where(byId(sandboxId, collection, id))
      .for("update");
    if (!current) return undefined;
    const next = merge ? (mergePatch(current.body, body) as Doc) : body;
    const [row] = await tx
      .update(document)
      .set({ body: next, updatedAt: sql`now()` })
      .where(byId(sandboxId, collection, id))
      .returning({ id: document.id, body: document.body });
    return row ? toView(row) : undefined;
  });
}

export async function deleteDocument(args: { sandboxId: string; collection: string; id: string }) {
  const db = await getDb();
  const gone = await db
    .delete(document)
    .where(byId(args.sandboxId, args.collection, args.id))
    .returning({ id: document.id });
  return gone.length > 0;
}

export async function deleteMatching({
  sandboxId,
  collection,
  filter,
}: {
  sandboxId: string;
  collection: string;
  filter: CompiledFilter;
}) {
  const db = await getDb();
  const query = db
    .delete(document)
    .where(ownedBy(document, sandboxId, eq(document.collection, collection), matches(filter)))
    .returning({ id: document.id });
  const gone = await query;
  return { deletedCount: gone.length, sql: shown(query) };
}

export async function dropCollection(args: { sandboxId: string; collection: string }) {
  const db = await getDb();
  await db
    .delete(document)
    .where(ownedBy(document, args.sandboxId, eq(document.collection, args.collection)));
}

// #region merge-patch
/** JSON Merge Patch (RFC 7396 §2): objects merge key by key, null removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    typeof target === "object" && target !== null && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
// #endregion

/**
 * MongoDB's projection: `{ title: 1 }` keeps only title (and _id), `{ reviews: 0 }` drops
 * reviews; dotted paths reach into objects. Applied to the rows the query returned.
 */
export function project(doc: Doc, projection: Record<string, 0 | 1> | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc;
  const fields = Object.entries(projection).filter(([k]) => k !== "_id");
  const including = fields.length > 0 ? fields[0]?.[1] === 1 : projection._id === 1;
  const keepId = projection._id !== 0;
  if (!including) {
    const copy = structuredClone(doc);
    for (const [path] of fields) removeAt(copy, path.split("."));
    if (!keepId) delete copy._id;
    return copy;
  }
  const out: Doc = keepId ? { _id: doc._id } : {};
  for (const [path] of fields) copyAt(doc, out, path.split("."));
  return out;
}

const isObject = (v: unknown): v is Doc => typeof v === "object" && v !== null && !Array.isArray(v);

function removeAt(doc: Doc, [head, ...rest]: string[]): void {
  if (head === undefined || !Object.hasOwn(doc, head)) return;
  if (rest.length === 0) delete doc[head];
  else if (isObject(doc[head])) removeAt(doc[head], rest);
}

function copyAt(from: Doc, to: Doc, [head, ...rest]: string[]): void {
  if (head === undefined || !Object.hasOwn(from, head)) return;
  const value = from[head];
  if (rest.length === 0) {
    to[head] = value;
    return;
  }
  if (!isObject(value)) return;
  const into = isObject(to[head]) ? (to[head] as Doc) : {};
  copyAt(value, into, rest);
  if (Object.keys(into).length > 0) to[head] = into;
}
