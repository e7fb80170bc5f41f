import { defineQuiz } from "@/lib/quizzes/define";

/** The lesson's knowledge check; its page shows it, the server grades it. */
export const handlersAndSql = defineQuiz({
  id: "express-and-sql-injection",
  title: "Handlers, pools and injection",
  questions: [
    {
      id: "pool",
      kind: "single",
      prompt:
        "Why does an API keep a pool of database connections instead of opening one per request?",
      explanation:
        "A connection costs a handshake, authentication and a server process; a pool pays that once and caps how many queries reach the database at a time.",
      options: [
        {
          id: "reuse",
          text: "Opening a connection is slow and each one costs the server memory; a pool reuses a few and bounds them",
          correct: true,
          explanation:
            "Yes: requests borrow a connection and give it back, and the rest wait in the pool's queue.",
        },
        {
          id: "security",
          text: "A pool stops SQL injection",
          explanation:
            "A pool has nothing to do with how values travel: only placeholders do that.",
        },
        {
          id: "bigger",
          text: "So that it can open as many connections as there are requests",
          explanation:
            "The opposite: its size is a limit. Postgres allows only max_connections, and does its best work with few busy ones.",
        },
      ],
    },
    {
      id: "why-it-works",
      kind: "single",
      prompt:
        "The code builds `... and title ilike '%` + title + `%'`. Why does the title `' or 1=1 --` return drafts?",
      explanation:
        "The quote ends the code's string literal, so the rest of the input is parsed as SQL: an OR that is always true, then a comment.",
      options: [
        {
          id: "quote",
          text: "Its quote closes the string, `or 1=1` makes the WHERE true for every row, and `--` comments out the rest",
          correct: true,
          explanation:
            "And since AND binds tighter than OR, the status condition no longer holds the rows back.",
        },
        {
          id: "wildcard",
          text: "`%` matches every title, drafts included",
          explanation:
            "`%` matches every title, but `status = 'published'` would still exclude drafts; the OR is what removes it.",
        },
        {
          id: "bug",
          text: "Postgres has a bug with quotes in ILIKE",
          explanation:
            "Postgres ran exactly the SQL it was given. The bug is in building the text.",
        },
      ],
    },
    {
      id: "what-stops-it",
      kind: "multiple",
      prompt: "Which of these keep a request's value from changing the SQL? Choose all that do.",
      explanation:
        "Bound parameters keep values out of the text; tagged templates and query builders bind for you. Escaping by hand is easy to get wrong, and names cannot be parameters at all.",
      options: [
        {
          id: "placeholder",
          text: "`client.query('... where title ilike $1', [pattern])`",
          correct: true,
          explanation:
            "The text is parsed before the value arrives: the value can only be a value.",
        },
        {
          id: "drizzle",
          text: "Drizzle's `ilike(blogPost.title, pattern)`",
          correct: true,
          explanation: "It generates `ilike $3` and binds the pattern.",
        },
        {
          id: "tagged",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the option shows a template as code.
          text: "postgres.js's tagged template: `sql`, then `... where title ilike ${pattern}` in backticks",
          correct: true,
          explanation:
            "The template sends `$1` and the value, although it looks like concatenation.",
        },
        {
          id: "replace",
          text: '`text.replace("\'", "\'\'")` before concatenating',
          explanation:
            "JavaScript's replace with a string replaces only the first quote, and escaping by hand misses cases; bind the value instead.",
        },
        {
          id: "unsafe",
          text: '`sql.unsafe("... \'" + title + "\'")`',
          explanation:
            "`unsafe` runs the text as given: it is concatenation with a warning in its name.",
        },
      ],
    },
    {
      id: "migrations",
      kind: "single",
      prompt:
        "A migration that has been applied to production turns out to be wrong. What do you do?",
      explanation:
        "Applied migrations are history: databases that ran the old file would never run your edit. A new migration moves every database forward the same way.",
      options: [
        {
          id: "new",
          text: "Write a new migration that corrects it",
          correct: true,
          explanation: "Every database, whichever migrations it has run, ends in the same state.",
        },
        {
          id: "edit",
          text: "Edit the migration's SQL file and deploy again",
          explanation:
            "Databases that already ran it never run it again: they would differ from new ones.",
        },
        {
          id: "psql",
          text: "Fix production by hand in psql",
          explanation:
            "Then production differs from every other database, and nobody reviewed the change.",
        },
      ],
    },
  ],
});

export const quizzes = [handlersAndSql] as const;
