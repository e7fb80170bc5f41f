import { sql as dsql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { lessons } from "@/content/lessons";
import { quoteIdent } from "@/db/quote";

/**
 * The learner's own rows as the console shows them: every table a lesson declares in its
 * `data.tables`, under a name a learner expects, without the sandbox column and without secrets.
 * A new lesson's tables appear here by themselves (named after the SQL table, pluralised).
 */

/** Learner names for tables whose SQL name carries its lesson's prefix. */
const NAMES: Record<string, string> = {
  sandbox_user: "users",
  user_session: "sessions",
  user_note: "notes",
  shop_category: "categories",
  shop_product: "products",
  shop_cart_item: "cart_items",
  shop_order: "orders",
  shop_order_line: "order_lines",
  support_article: "articles",
  support_ticket: "tickets",
  support_conversation: "conversations",
  blog_author: "authors",
  blog_post: "posts",
  blog_tag: "tags",
  blog_post_tag: "post_tags",
  blog_comment: "comments",
  blog_follow: "follows",
  blog_favorite: "favorites",
};

/** Columns that authenticate someone or hold a secret's digest: never copied. */
const SECRET = /password|secret|(^|_)hash$|(^|_)token$|(^|_)key_hash$/;
/** Per table, columns that are secrets under an innocent name. */
const SECRET_COLUMNS: Record<string, readonly string[]> = {
  // A session's id is the SHA-256 of its cookie's token.
  user_session: ["id"],
};

const SANDBOX_COLUMN = "sandbox_id";
/** Rows copied per table, at most (the lesson APIs keep far fewer). */
export const MAX_ROWS_PER_TABLE = 5_000;

export type LearnerColumn = { name: string; type: string; notNull: boolean };
export type LearnerTable = {
  /** What the learner writes: `todos`. */
  name: string;
  source: PgTable;
  sourceName: string;
  columns: LearnerColumn[];
  primaryKey: string[];
  foreignKeys: { columns: string[]; table: string; references: string[] }[];
};

function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

const withoutSandbox = (names: string[]) => names.filter((n) => n !== SANDBOX_COLUMN);

function learnerView(table: PgTable): Omit<LearnerTable, "foreignKeys"> | undefined {
  const config = getTableConfig(table);
  const secret = new Set(SECRET_COLUMNS[config.name] ?? []);
  const columns = config.columns
    .filter((c) => c.name !== SANDBOX_COLUMN && !SECRET.test(c.name) && !secret.has(c.name))
    .map((c) => ({ name: c.name, type: c.getSQLType(), notNull: c.notNull }));
  const pk =
    config.primaryKeys[0]?.columns.map((c) => c.name) ??
    config.columns.filter((c) => c.primary).map((c) => c.name);
  // A table keyed by the sandbox alone is the sandbox's bookkeeping, not the learner's data.
  if (pk.length === 1 && pk[0] === SANDBOX_COLUMN) return undefined;
  const kept = new Set(columns.map((c) => c.name));
  const primaryKey = withoutSandbox(pk);
  return {
    name: NAMES[config.name] ?? plural(config.name),
    source: table,
    sourceName: config.name,
    columns,
    primaryKey: primaryKey.every((c) => kept.has(c)) ? primaryKey : [],
  };
}

let cached: LearnerTable[] | undefined;

/** Every lesson's tables, in the lessons' order, with keys between them. */
export function learnerTables(): LearnerTable[] {
  if (cached) return cached;
  const described = lessons
    .flatMap((lesson) => lesson.data?.tables ?? [])
    .flatMap((table) => learnerView(table) ?? []);
  const bySource = new Map(described.map((t) => [t.sourceName, t]));
  cached = described.map((t) => ({
    ...t,
    foreignKeys: getTableConfig(t.source).foreignKeys.flatMap((fk) => {
      const ref = fk.reference();
      const target = bySource.get(getTableConfig(ref.foreignTable).name);
      const columns = withoutSandbox(ref.columns.map((c) => c.name));
      const references = withoutSandbox(ref.foreignColumns.map((c) => c.name));
      const sameKey =
        target &&
        references.length > 0 &&
        [...references].sort().join() === [...target.primaryKey].sort().join() &&
        columns.every((c) => t.columns.some((col) => col.name === c));
      return sameKey ? [{ columns, table: target.name, references }] : [];
    }),
  }));
  return cached;
}

/** The statements creating the learner's tables as temporary tables, keys included. */
export function createTablesSql(tables: readonly LearnerTable[]): string {
  const creates = tables.map((t) => {
    const cols = t.columns.map(
      (c) => `${quoteIdent(c.name)} ${c.type}${c.notNull ? " not null" : ""}`,
    );
    if (t.primaryKey.length > 0)
      cols.push(`primary key (${t.primaryKey.map(quoteIdent).join(", ")})`);
    return `create temp table ${quoteIdent(t.name)} (${cols.join(", ")});`;
  });
  const keys = tables.flatMap((t) =>
    t.foreignKeys.map(
      (fk) =>
        `alter table ${quoteIdent(t.name)} add foreign key (${fk.columns.map(quoteIdent).join(", ")}) references ${quoteIdent(fk.table)} (${fk.references.map(quoteIdent).join(", ")});`,
    ),
  );
  return [...creates, ...keys].join("\n");
}

/** One statement filling every table from one JSON parameter ($1: { todos: [...], … }). */
export function fillTablesSql(tables: readonly LearnerTable[]): string {
  const ctes = tables.map(
    (t, i) =>
      `t${i} as (insert into ${quoteIdent(t.name)} select * from json_populate_recordset(null::${quoteIdent(t.name)}, $1::text::json -> '${t.name}'))`,
  );
  return `with ${ctes.join(", ")} select 1`;
}

/** Reads the sandbox's rows of every table as one JSON object, in one query on the app's database. */
export function readRowsSql(tables: readonly LearnerTable[], sandboxId: string): SQL {
  const parts = tables.map((t) => {
    const cols = t.columns.map((c) => quoteIdent(c.name)).join(", ");
    const order =
      t.primaryKey.length > 0 ? ` order by ${t.primaryKey.map(quoteIdent).join(", ")}` : "";
    return dsql`${t.name}::text, (select coalesce(json_agg(r), '[]'::json) from (select ${dsql.raw(cols)} from ${dsql.raw(quoteIdent(t.sourceName))} where sandbox_id = ${sandboxId}${dsql.raw(order)} limit ${dsql.raw(String(MAX_ROWS_PER_TABLE))}) r)`;
  });
  return dsql`select json_build_object(${dsql.join(parts, dsql`, `)})::text as data`;
}

/** Names that mean the script looks at the catalog, where every table should be there to see. */
const CATALOG =
  /\b(information_schema|pg_catalog|pg_class|pg_tables|pg_attribute|pg_namespace|pg_temp\w*)\b/i;

/**
 * The tables a script can reach: those it names anywhere (in a string or a function body too),
 * with the tables their foreign keys point at; all of them when it reads the catalog. Copying
 * only these keeps a small SELECT small.
 */
export function tablesNamedIn(script: string, tables: readonly LearnerTable[]): LearnerTable[] {
  if (CATALOG.test(script)) return [...tables];
  const words = new Set(script.toLowerCase().match(/[a-z_][a-z0-9_$]*/g) ?? []);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const wanted = new Set<string>();
  const add = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const fk of byName.get(name)?.foreignKeys ?? []) add(fk.table);
  };
  for (const t of tables) if (words.has(t.name)) add(t.name);
  return tables.filter((t) => wanted.has(t.name));
}
