import { asc, eq, ilike } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { blogPost } from "@/db/schema/blog-api";
import { HttpProblem } from "@/lib/http/problem";
import type { Timing } from "@/lib/http/timing";
import { ownedBy } from "@/lib/sandbox/scope";
import type { StatementResult } from "@/lib/sql-console/contract";
import { runScript } from "@/lib/sql-console/service";
import { learnerTables } from "@/lib/sql-console/tables";
import type { SearchMode, SearchView } from "./contract";

/** The span "Check my work" reads: `concatenated rows=3 drafts=2 writes=0 changed=0 error=none`. */
export const SEARCH_SPAN = "search";

/** What the SQL console calls your blog posts (the blog lesson's `blog_post`, your rows only). */
function consolePostsTable(): string {
  const name = getTableConfig(blogPost).name;
  const table = learnerTables().find((t) => t.sourceName === name);
  if (!table) throw new Error(`no lesson declares ${name}: the SQL console cannot show it`);
  return table.name;
}

// #region concatenated
/**
 * DON'T DO THIS: the title pasted into the SQL text. A quote in it ends the string literal, and
 * whatever follows is SQL. (It runs only in the SQL console's rolled-back copy of your rows.)
 */
export function concatenatedSql(title: string): string {
  return (
    "select id, slug, title, status from " +
    consolePostsTable() +
    " where status = 'published' and title ilike '%" +
    title +
    "%' order by id"
  );
}
// #endregion

// #region like-pattern
/** `%` and `_` are wildcards in LIKE even in a bound value: escaped, the title matches as text. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
// #endregion

// #region parameterised
/** The same search with Drizzle: every value (your sandbox, 'published', the title) is bound. */
export async function searchParameterised({
  sandboxId,
  title,
}: {
  sandboxId: string;
  title: string;
}) {
  const db = await getDb();
  const query = db
    .select({
      id: blogPost.id,
      slug: blogPost.slug,
      title: blogPost.title,
      status: blogPost.status,
    })
    .from(blogPost)
    .where(
      ownedBy(
        blogPost,
        sandboxId,
        eq(blogPost.status, "published"),
        ilike(blogPost.title, containing(title)),
      ),
    )
    .orderBy(asc(blogPost.id));
  const posts = await query;
  const { sql: text, params } = query.toSQL();
  return {
    posts,
    sql: { text, params: Object.fromEntries(params.map((v, i) => [`$${i + 1}`, v])) },
  };
}
// #endregion

const CHANGES = /^(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|DROP|ALTER)/;

/** The caller's real drafts, as `id title` keys: a row a UNION made up is not a leaked draft. */
async function draftKeys(sandboxId: string): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db
    .select({ id: blogPost.id, title: blogPost.title })
    .from(blogPost)
    .where(ownedBy(blogPost, sandboxId, eq(blogPost.status, "draft")));
  return new Set(rows.map((r) => `${r.id} ${r.title}`));
}

function fromConsole(
  sqlText: string,
  results: readonly StatementResult[],
  drafts: Set<string>,
): Omit<SearchView, "mode" | "ranOn"> {
  const first = results[0];
  const posts =
    first && !first.error
      ? first.rows.map((row) =>
          Object.fromEntries(first.columns.map((c, i) => [c.name, (row as unknown[])[i]])),
        )
      : [];
  return {
    sql: { text: sqlText, params: {} },
    posts,
    drafts: posts.filter((p) => p.status === "draft" && drafts.has(`${p.id} ${p.title}`)).length,
    statements: results.map((r) => ({
      command: r.command,
      rowCount: r.rowCount,
      ...(r.error
        ? { error: { message: r.error.message, ...(r.error.code ? { code: r.error.code } : {}) } }
        : {}),
    })),
    rolledBack: true,
  };
}

/** Runs the search one way or the other, each step timed in the request's spans. */
export async function searchPosts({
  sandboxId,
  title,
  mode,
  timing,
}: {
  sandboxId: string;
  title: string;
  mode: SearchMode;
  timing: Timing;
}): Promise<SearchView> {
  let view: SearchView;
  if (mode === "concatenated") {
    const text = concatenatedSql(title);
    const { results } = await timing.span(
      "sql",
      "Run the pasted-together text in the SQL console, then roll back",
      () =>
        runScript({ sandboxId, sql: text }).catch((error: unknown) => {
          // Too many statements for one script: the title is what made them.
          if (error instanceof HttpProblem && error.kind === "validation")
            throw new HttpProblem("validation", error.detail, {
              errors: [{ in: "query", field: "title", message: "makes too many SQL statements" }],
            });
          throw error;
        }),
    );
    view = {
      mode,
      ranOn: "sql-console",
      ...fromConsole(text, results, await draftKeys(sandboxId)),
    };
  } else {
    const found = await timing.span("db", "Select your published posts, the title bound", () =>
      searchParameterised({ sandboxId, title }),
    );
    view = {
      mode,
      ranOn: "database",
      sql: found.sql,
      posts: found.posts,
      drafts: found.posts.filter((p) => p.status === "draft").length,
      statements: [{ command: "SELECT", rowCount: found.posts.length }],
      rolledBack: false,
    };
  }
  const writes = view.statements.filter((s) => CHANGES.test(s.command) && !s.error);
  const changed = writes.reduce((n, s) => n + (s.rowCount ?? 0), 0);
  const failed =
    view.statements.find((s) => s.error)?.error?.code ??
    (view.statements.some((s) => s.error) ? "refused" : "none");
  timing.mark(
    SEARCH_SPAN,
    `${mode} rows=${view.posts.length} drafts=${view.drafts} writes=${writes.length} changed=${changed} error=${failed}`,
  );
  return view;
}
