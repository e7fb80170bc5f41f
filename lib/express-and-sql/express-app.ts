import { createHash } from "node:crypto";
import express, { type NextFunction, type Request, type Response } from "express";

/**
 * The parameterised search as an Express 5 app: the same endpoint and the same answer as our Next
 * route handler in parameterised mode, written the way an Express codebase would write it. Only
 * the tests run it (tests/express-and-sql/express.test.ts), against the test database; the lesson
 * shows it beside ours.
 */

// #region driver
/**
 * All the app needs from a driver: SQL text with $1, $2 … and the values for them. node-postgres
 * is `(text, params) => pool.query(text, params).then((r) => r.rows)`; postgres.js is
 * `(text, params) => sql.unsafe(text, params)`: constant text with $1 values, bound like any query
 * (never `sql.unsafe(text)` with text built from input).
 */
export type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
// #endregion

/** With type "about:blank", RFC 9457 §4.2.1: the title SHOULD be the status code's phrase. */
const problem = (res: Response, status: number, title: string, detail: string) =>
  res
    .status(status)
    .type("application/problem+json")
    .json({ type: "about:blank", title, status, detail });

// #region app
export function createExpressApp({ query }: { query: Query }) {
  const app = express();
  app.disable("x-powered-by");

  // Middleware: who is calling? The key's SHA-256 names one sandbox, or nobody. A 401 MUST say
  // how to authenticate, in WWW-Authenticate (RFC 9110 §15.5.2).
  const unauthorized = (res: Response, detail: string) => {
    res.set("WWW-Authenticate", 'SandboxKey header="X-Sandbox-Key"');
    return problem(res, 401, "Unauthorized", detail);
  };
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    const key = req.get("x-sandbox-key");
    if (!key) return unauthorized(res, "Send your key in X-Sandbox-Key.");
    const hash = createHash("sha256").update(key).digest("hex");
    const [sandbox] = await query("select id from sandbox where key_hash = $1", [hash]);
    if (!sandbox) return unauthorized(res, "That key names no sandbox.");
    res.locals.sandboxId = sandbox.id;
    next();
  });

  // GET /api/v1/injection/posts?title=… — your published posts whose title contains it
  app.get("/api/v1/injection/posts", async (req: Request, res: Response) => {
    // 1. Validate. Express 5's default ("simple") query parser gives a string, an array of strings
    // (?title=a&title=b) or undefined; take one string. Count code points, as zod does: .length
    // counts UTF-16 units, two per emoji. Postgres text cannot hold a NUL (22021, a 500): refuse it.
    const title = req.query.title;
    const length = typeof title === "string" ? [...title].length : 0;
    if (typeof title !== "string" || length < 1 || length > 200)
      return problem(res, 422, "Unprocessable Content", "title: 1 to 200 characters.");
    if (title.includes("\0"))
      return problem(res, 422, "Unprocessable Content", "title: must not contain a NUL character.");
    // 2. Query: the title is the value of $2, never part of the text.
    const posts = await query(
      `select id, slug, title, status from blog_post
       where sandbox_id = $1 and status = 'published' and title ilike $2
       order by id`,
      [res.locals.sandboxId, `%${title.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
    );
    // 3. Respond.
    res.json({ posts });
  });

  // Express 5 passes a rejected promise from a handler here: log it, answer without details.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    console.error(error);
    problem(res, 500, "Internal Server Error", "Something went wrong on our side.");
  });
  return app;
}
// #endregion
