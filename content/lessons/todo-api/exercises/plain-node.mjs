// The Todo API with node:http alone: the routing, body reading and size limit Express did for us.
// Run it with `node plain-node.mjs` (PORT=3000 by default); tests/todo-api/exercises.test.ts sends
// it the same requests as the lesson's API and compares the answers status by status.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
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
const MAX_BODY = 16 * 1024;

class HttpError extends Error {
  constructor(status, detail, headers = {}) {
    super(detail);
    Object.assign(this, { status, detail, headers });
  }
}

function parse(schema, input) {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(422, z.prettifyError(result.error));
  return result.data;
}

async function readJson(req, schema) {
  const type = req.headers["content-type"]?.split(";")[0].trim().toLowerCase();
  if (!JSON_TYPES.includes(type)) throw new HttpError(415, "Send JSON.");
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, `At most ${MAX_BODY} bytes.`);
    chunks.push(chunk);
  }
  let input;
  try {
    input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "The body is not valid JSON.");
  }
  return parse(schema, input);
}

function send(req, res, status, body, headers = {}) {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  const hasBody = body !== undefined;
  res.writeHead(status, hasBody ? { "content-type": type, ...headers } : headers);
  res.end(hasBody && req.method !== "HEAD" ? JSON.stringify(body) : undefined);
}

export function createTodoServer() {
  const todos = new Map();
  let nextId = 1;
  let nextVersion = 1; // one counter for every write: a tag never comes back
  const etag = (t) => `"${t.id}-${t.version}"`;
  const view = ({ version: _version, ...todo }) => todo;

  function find(req, id) {
    const todo = todos.get(id);
    if (!todo) throw new HttpError(404, `No todo with id ${id}.`);
    const ifMatch = req.headers["if-match"];
    if (ifMatch && ifMatch !== "*" && !ifMatch.split(/\s*,\s*/).includes(etag(todo))) {
      throw new HttpError(412, "It changed since you read it: GET it again.");
    }
    return todo;
  }
  function write(todo, changes) {
    const changed = Object.entries(changes).some(([k, v]) => todo[k] !== v);
    if (changed) Object.assign(todo, changes, { version: nextVersion++, updatedAt: new Date() });
    return todo;
  }

  const routes = {
    "/todos": {
      GET: async (req, res, url) => {
        const { page, limit } = parse(listQuery, Object.fromEntries(url.searchParams));
        const all = [...todos.values()];
        const totalPages = Math.max(1, Math.ceil(all.length / limit));
        send(req, res, 200, {
          data: all.slice((page - 1) * limit, page * limit).map(view),
          pagination: { page, limit, total: all.length, totalPages },
        });
      },
      POST: async (req, res) => {
        const now = new Date();
        const todo = { id: nextId++, ...(await readJson(req, createBody)) };
        Object.assign(todo, { createdAt: now, updatedAt: now, version: nextVersion++ });
        todos.set(todo.id, todo);
        send(req, res, 201, view(todo), { location: `/todos/${todo.id}`, etag: etag(todo) });
      },
    },
    "/todos/:id": {
      GET: async (req, res, _url, id) => {
        const todo = find(req, id);
        const headers = { etag: etag(todo), "cache-control": "private, no-cache" };
        const ifNoneMatch = req.headers["if-none-match"]?.replace(/W\//g, "");
        if (ifNoneMatch === "*" || ifNoneMatch?.split(/\s*,\s*/).includes(etag(todo))) {
          return send(req, res, 304, undefined, headers);
        }
        send(req, res, 200, view(todo), headers);
      },
      PUT: async (req, res, _url, id) => {
        const changes = await readJson(req, replaceBody);
        send(req, res, 200, view(write(find(req, id), changes))); // no ETag: stored ≠ sent
      },
      PATCH: async (req, res, _url, id) => {
        const changes = await readJson(req, patchBody);
        const todo = write(find(req, id), changes);
        send(req, res, 200, view(todo), { etag: etag(todo) });
      },
      DELETE: async (req, res, _url, id) => {
        todos.delete(find(req, id).id);
        send(req, res, 204);
      },
    },
  };

  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = /^\/todos\/(\d+)$/.exec(url.pathname);
    const route = url.pathname === "/todos" ? routes["/todos"] : match && routes["/todos/:id"];
    try {
      if (!route) throw new HttpError(404, "Nothing lives here.");
      // HEAD is GET without the body (send() leaves it out); OPTIONS and others get Allow.
      const handler = route[req.method === "HEAD" ? "GET" : req.method];
      const methods = Object.keys(route).flatMap((m) => (m === "GET" ? [m, "HEAD"] : [m]));
      const allow = [...methods, "OPTIONS"].join(", ");
      if (req.method === "OPTIONS") return send(req, res, 204, undefined, { allow });
      if (!handler) throw new HttpError(405, `Allowed: ${allow}.`, { allow });
      await handler(req, res, url, Number(match?.[1]));
    } catch (error) {
      if (!(error instanceof HttpError)) console.error(error);
      const status = error instanceof HttpError ? error.status : 500;
      const detail = error instanceof HttpError ? error.detail : "Something went wrong.";
      const instance = url.pathname;
      send(req, res, status, { status, detail, instance }, error.headers);
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3000);
  createTodoServer().listen(port, () => console.log(`Todo API on http://localhost:${port}/todos`));
}
