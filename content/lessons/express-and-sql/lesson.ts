import { expressAndSqlApi } from "@/lib/express-and-sql/contract";
import { defineLesson } from "@/lib/lessons/define";
import { quizApi } from "@/lib/quizzes/contract";
import { checks } from "./checks";
import { examples } from "./examples";
import { quizzes } from "./quizzes";

/** The blog's tables and seed are the blog lesson's (content/lessons/blog-api): this one reads them. */
export default defineLesson({
  slug: "express-and-sql",
  title: "Frameworks and SQL: drivers, injection, an ORM and migrations",
  summary:
    "How a route handler reaches Postgres: a driver and its connection pool, SQL text and bound parameters, an ORM and migrations. Break a deliberately vulnerable search with SQL injection (safely: it runs in a rolled-back copy of your own rows), then watch placeholders stop the same input. With the same endpoint in Express and in Go's Gin beside ours.",
  objectives: [
    "Say what a driver and a connection pool do, and why a pool has a size",
    "Follow one request from validation through the query to the response, in its spans",
    "Make a concatenated query leak your drafts and delete your posts, and explain both",
    "Stop the same input with bound parameters ($1), and say why escaping by hand is not enough",
    "Write one query as raw SQL with placeholders and with Drizzle, and read the SQL Drizzle generates",
    "Read a migration and its journal, and say why migrations are code-reviewed",
    "Recognise the same endpoint in Express and in Gin",
  ],
  minutes: 45,
  api: [...expressAndSqlApi, ...quizApi],
  examples,
  checks,
  quizzes,
});
