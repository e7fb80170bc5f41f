import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";

/**
 * The injection lesson's one endpoint: search your published blog posts by title, with the SQL
 * built by string concatenation (run only in the SQL console's rolled-back copy of your rows) or
 * with the title as a bound parameter (run on the database, scoped to your sandbox).
 */

export const SEARCH_MODES = ["concatenated", "parameterised"] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** The longest title a search takes: long enough for any attack worth showing. */
export const TITLE_MAX = 200;

export const searchQuery = z.strictObject({
  title: z
    .string({ error: "is required: the text to look for in your published posts' titles" })
    .min(1, "must not be empty")
    .max(TITLE_MAX, `must be at most ${TITLE_MAX} characters`)
    .refine((t) => !t.includes("\0"), "must not contain NUL (\\u0000)")
    .describe("Text to look for in the titles of your published posts (case-insensitive)"),
  mode: z
    .enum(SEARCH_MODES, { error: 'must be "concatenated" or "parameterised"' })
    .default("parameterised")
    .describe(
      "concatenated: the title is pasted into the SQL text (vulnerable; runs only in the SQL console's rolled-back copy of your rows). parameterised (default): the title is a bound value",
    ),
});
export type SearchQuery = z.infer<typeof searchQuery>;

const statementView = z.strictObject({
  command: z.string().describe("SELECT, DELETE, UPDATE, … as Postgres read the statement"),
  rowCount: z.number().int().nullable().describe("Rows returned or changed"),
  error: z
    .strictObject({ message: z.string(), code: z.string().optional() })
    .optional()
    .describe("Only on the statement that failed (the ones after it did not run)"),
});

export const searchView = z.strictObject({
  mode: z.enum(SEARCH_MODES),
  sql: z.strictObject({
    text: z.string().describe("The SQL text that ran"),
    params: z
      .record(z.string(), z.unknown())
      .describe('The values bound to $1, $2 …: { "$1": … } ({} when the title was pasted in)'),
  }),
  ranOn: z
    .enum(["sql-console", "database"])
    .describe(
      "sql-console: a copy of your rows in a transaction that is always rolled back; database: the app's own connection, scoped to your sandbox",
    ),
  posts: z
    .array(z.record(z.string(), z.unknown()))
    .describe("The rows the (first) statement returned, by column name"),
  drafts: z
    .number()
    .int()
    .describe(
      "How many of those rows are your real drafts (same id, title and status): a search of published posts should find none",
    ),
  statements: z
    .array(statementView)
    .describe("Each statement the SQL text turned out to hold, in order"),
  rolledBack: z.boolean().describe("Whether everything the statements changed was undone"),
});
export type SearchView = z.infer<typeof searchView>;

// #region operation
export const searchPosts = defineOperation({
  method: "GET",
  path: "/api/v1/injection/posts",
  summary: "Search your published posts by title, concatenated (vulnerable) or parameterised",
  description:
    "A harmless SQL injection demonstration. In concatenated mode the title is pasted into the SQL text, which then runs only in the SQL console's sandbox (your rows copied into a transaction that is always rolled back, 2 s per statement), so an injected OR leaks only your own drafts and an injected DELETE is undone. In parameterised mode the same title is a bound value on the real database and cannot change the query.",
  query: searchQuery,
  responses: {
    200: {
      description: "What the SQL text was, where it ran and what it returned",
      body: searchView,
    },
  },
  problems: ["validation", "sql-console-busy"],
});
// #endregion

export const expressAndSqlApi = [searchPosts] as const;
