// The Todo API in Express 5: an in-memory Map instead of Postgres, no sandboxes.
// Run it with `node express.mjs` (PORT=3000 by default); tests/todo-api/exercises.test.ts sends it
// the same requests as the lesson's API and compares the answers status by status.
import { fileURLToPath } from "node:url";
import express from "express";
import { z } from "zod";

const title = z.string().trim().min(1).max(200);
const createBody = z.strictObject({ title, done: z.boolean().default(false) });
const replaceBody = z.strictObject({ title, done: z.boolean() });
const patchBody = z.strictObject({ title: title.optional(), done: z.boolean().optional() });
const listQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
const JSON_TYPES = ["application/json", "application/merge-patch+json"];

class Problem extends Error {
  constructor(status, title, detail, extra = {}) {
    super(detail);
    Object.assign(this, { status, title, detail, ...extra });
  }
}

export function createApp() {
  const todos = new Map();
  let nextId = 1;
  let nextVersion = 1; // one counter for every write: a tag never comes back
  const etag = (t) => `"${t.id}-${t.version}"`;
  const view = ({ version: _version, ...todo }) => todo;

  const app = express();
  app.set("etag", false); // we send our own ETags, and decide on 304 ourselves
  app.use(express.json({ limit: "16kb", type: JSON_TYPES })); // 413 above 16 KiB, 400 if not JSON

  function parse(schema, input, where = "body") {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    const errors = result.error.issues.map((i) => ({
      in: where,
      field: i.path.join(".") || (i.keys ?? []).join(", ") || "(root)",
      message: i.message,
    }));
    throw new Problem(422, "Invalid fields", `The ${where} has invalid fields.`, { errors });
  }
  function body(req, schema) {
    if (!req.is(JSON_TYPES)) throw new Problem(415, "Unsupported media type", "Send JSON.");
    return parse(schema, req.body);
  }
  function find(req) {
    const todo = todos.get(Number(req.params.id));
    if (!todo) throw new Problem(404, "Not found", `No todo with id ${req.params.id}.`);
    const ifMatch = req.get("If-Match");
    if (ifMatch && ifMatch !== "*" && !ifMatch.split(/\s*,\s*/).includes(etag(todo))) {
      throw new Problem(412, "Precondition failed", "It changed since you read it: GET it again.");
    }
    return todo;
  }
  function write(todo, changes) {
    const changed = Object.entries(changes).some(([k, v]) => todo[k] !== v);
    if (changed) Object.assign(todo, changes, { version: nextVersion++, updatedAt: new Date() });
    return todo;
  }

  app.get("/todos", (req, res) => {
    const { page, limit } = parse(listQuery, req.query, "query");
    const all = [...todos.values()];
    const totalPages = Math.max(1, Math.ceil(all.length / limit));
    res.json({
      data: all.slice((page - 1) * limit, page * limit).map(view),
      pagination: { page, limit, total: all.length, totalPages },
    });
  });

  app.post("/todos", (req, res) => {
    const now = new Date();
    const todo = { id: nextId++, ...body(req, createBody), createdAt: now, updatedAt: now };
    todo.version = nextVersion++;
    todos.set(todo.id, todo);
    res.status(201).location(`/todos/${todo.id}`).set("ETag", etag(todo)).json(view(todo));
  });

  // Express answers HEAD with this handler too, without the body.
  app.get("/todos/:id", (req, res) => {
    const todo = find(req);
    res.set({ ETag: etag(todo), "Cache-Control": "private, no-cache" });
    const ifNoneMatch = req.get("If-None-Match")?.replace(/W\//g, "");
    if (ifNoneMatch === "*" || ifNoneMatch?.split(/\s*,\s*/).includes(etag(todo))) {
      return res.status(304).end();
    }
    res.json(view(todo));
  });

  app.put("/todos/:id", (req, res) => {
    const changes = body(req, replaceBody);
    res.json(view(write(find(req), changes))); // no ETag: what is stored is not what was sent
  });

  app.patch("/todos/:id", (req, res) => {
    const changes = body(req, patchBody);
    const todo = write(find(req), changes);
    res.set("ETag", etag(todo)).json(view(todo));
  });

  app.delete("/todos/:id", (req, res) => {
    todos.delete(find(req).id);
    res.status(204).end();
  });

  // A path we serve, with a method we do not: 405 and Allow (Express alone would say 404).
  const allow = (methods) => (req, res) => {
    res.set("Allow", methods);
    if (req.method === "OPTIONS") return res.status(204).end();
    throw new Problem(405, "Method not allowed", `Allowed: ${methods}.`);
  };
  app.all("/todos", allow("GET, HEAD, POST, OPTIONS"));
  app.all("/todos/:id", allow("GET, HEAD, PUT, PATCH, DELETE, OPTIONS"));
  app.use((req) => {
    throw new Problem(404, "Not found", `Nothing lives at ${req.path}.`);
  });

  // Every error leaves as problem details; express.json() reports its own with a status (400, 413).
  app.use((err, req, res, _next) => {
    const problem =
      err instanceof Problem
        ? err
        : err.status
          ? new Problem(err.status, "Bad request", err.message)
          : new Problem(500, "Internal server error", "Something went wrong.");
    if (problem.status === 500) console.error(err);
    const { status, title, detail, errors } = problem;
    res.status(status).type("application/problem+json");
    res.send(JSON.stringify({ title, status, detail, instance: req.originalUrl, errors }));
  });
  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3000);
  createApp().listen(port, () => console.log(`Todo API on http://localhost:${port}/todos`));
}
