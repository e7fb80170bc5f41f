// The baseline: GET and POST /api/v1/todos on bare node:http + postgres.js, doing the database
// work our route does (sandbox by key hash, the page query with its window count, the insert, the
// request-log insert and its pruning) and nothing else: no framework, no zod, no ETag, no Link.
//
//   DATABASE_URL=postgres://… PORT=4000 node bench/bare-server.mjs
import { createHash, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import postgres from "postgres";

const PORT = Number(process.env.PORT ?? 4000);
const HOST = process.env.HOST ?? "127.0.0.1";
const MAX_TITLE_LENGTH = 200;
const MAX_BODY_BYTES = 64 * 1024;
// Same as lib/sandbox/request-log.ts.
const REQUEST_LOG_KEEP = 200;
const PRUNE_EVERY = 20;
const KEY_FORMAT = /^sbx_[A-Za-z0-9_-]{43}$/;

if (!process.env.DATABASE_URL) {
  console.error("bare-server: set DATABASE_URL");
  process.exit(1);
}
// Same pool size as db/index.ts.
const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });

// The app gives each sandbox its own todo ids (a sandbox_counter row, claimed in a transaction
// that holds the sandbox's shared advisory lock) when that table exists; before that change
// todo.id was an identity column. Do whichever the migrated schema needs.
const [{ perSandboxIds }] = await sql`
  select to_regclass('public.sandbox_counter') is not null as "perSandboxIds"`;

// The route remembers a key's sandbox id in memory too (lib/sandbox/sandboxes.ts), so after the
// first request the lookup is a SHA-256 and a Map hit, as here.
const idByKeyHash = new Map();

async function sandboxIdFor(key) {
  if (!key || !KEY_FORMAT.test(key)) return undefined;
  const keyHash = createHash("sha256").update(key).digest("hex");
  const cached = idByKeyHash.get(keyHash);
  if (cached) return cached;
  const [row] = await sql`select id from sandbox where key_hash = ${keyHash} limit 1`;
  if (row) idByKeyHash.set(keyHash, row.id);
  return row?.id;
}

const view = (row) => ({
  id: row.id,
  title: row.title,
  done: row.done,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** `data` as JSON; a string is a body that is JSON text already. */
function send(res, status, data) {
  const body = typeof data === "string" ? data : JSON.stringify(data);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

function intParam(params, name, fallback, max) {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

// As the route's query (lib/todo-api/service.ts): the database writes the page's todos as JSON
// text, which goes into the body as it is.
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

async function listTodos(url, sandboxId) {
  const page = intParam(url.searchParams, "page", 1, 10_000);
  const limit = intParam(url.searchParams, "limit", 10, 100);
  if (page === undefined || limit === undefined) return [400, { title: "Invalid query" }];
  const [row] = await sql`
    select coalesce('[' || string_agg('{"id":' || p.id || ',"title":' || to_json(p.title)::text
      || ',"done":' || p.done::text
      || ',"createdAt":"' || to_char(p.created_at at time zone 'UTC', ${sql.unsafe(ISO)})
      || '","updatedAt":"' || to_char(p.updated_at at time zone 'UTC', ${sql.unsafe(ISO)}) || '"}',
      ',' order by p.n) || ']', '[]') as data, max(p.total) as total
    from (
      select id, title, done, created_at, updated_at, count(*) over () as total,
        row_number() over (order by id asc) as n
      from todo where sandbox_id = ${sandboxId}
      order by id asc limit ${limit} offset ${(page - 1) * limit}
    ) p`;
  const total = Number(row?.total ?? 0);
  const totalPages = Math.max(1, Math.ceil(total / limit));
  const pagination = JSON.stringify({ page, limit, total, totalPages });
  return [200, `{"data":${row?.data ?? "[]"},"pagination":${pagination}}`];
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseTodo(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  if (Object.keys(body).some((k) => k !== "title" && k !== "done")) return undefined;
  const title = typeof body.title === "string" ? body.title.trim() : "";
  if (title.length < 1 || title.length > MAX_TITLE_LENGTH) return undefined;
  if (body.done !== undefined && typeof body.done !== "boolean") return undefined;
  return { title, done: body.done ?? false };
}

async function insertTodo(sandboxId, { title, done }) {
  if (!perSandboxIds) {
    const [row] = await sql`
      insert into todo (sandbox_id, title, done) values (${sandboxId}, ${title}, ${done})
      returning *`;
    return row;
  }
  return sql.begin(async (tx) => {
    // As lib/sandbox/lock.ts: writes share the sandbox's advisory lock (a reset takes it alone).
    await tx`select pg_advisory_xact_lock_shared(1, hashtext(${sandboxId}))`;
    const [counter] = await tx`
      insert into sandbox_counter (sandbox_id, name, value) values (${sandboxId}, 'todo', 1)
      on conflict (sandbox_id, name) do update set value = sandbox_counter.value + 1
      returning value`;
    const [row] = await tx`
      insert into todo (sandbox_id, id, title, done)
      values (${sandboxId}, ${counter.value}, ${title}, ${done})
      returning *`;
    return row;
  });
}

// Written behind the responses, as lib/sandbox/request-log.ts does: a lone entry at once; while
// entries keep arriving during writes, one INSERT (with the pruning) at most every 25 ms for all
// that arrived meanwhile, at most 10,000 waiting (the rest dropped).
const MIN_WRITE_INTERVAL_MS = 25;
const MAX_QUEUED = 10_000;
const queue = [];
let writing = false;
let backlog = false;
let lastWriteAt = Number.NEGATIVE_INFINITY;
let timer;

function logRequest(entry) {
  if (queue.length >= MAX_QUEUED) return;
  queue.push(entry);
  schedule();
}

function schedule() {
  if (writing || timer || queue.length === 0) return;
  const wait = backlog ? lastWriteAt + MIN_WRITE_INTERVAL_MS - performance.now() : 0;
  if (wait <= 0) void write();
  else
    timer = setTimeout(() => {
      timer = undefined;
      schedule();
    }, wait);
}

async function write() {
  writing = true;
  lastWriteAt = performance.now();
  const batch = queue.splice(0, 500);
  const entries = batch.map((entry, seq) => ({
    seq,
    sandbox_id: entry.sandboxId,
    request_id: entry.requestId,
    method: entry.method,
    path: entry.path,
    status: entry.status,
    duration_ms: Math.round(entry.duration),
    spans: entry.spans,
    request_headers: [],
    created_at: entry.createdAt,
  }));
  try {
    await sql`
      with written as (
        insert into request_log (sandbox_id, request_id, method, path, status, duration_ms, spans, request_headers, created_at)
        select x.sandbox_id, x.request_id, x.method, x.path, x.status, x.duration_ms, x.spans, x.request_headers, x.created_at
        from jsonb_to_recordset(${JSON.stringify(entries)}::text::jsonb) as x(
          seq int, sandbox_id uuid, request_id text, method text, path text, status int,
          duration_ms int, spans jsonb, request_headers jsonb, created_at timestamptz)
        where exists (select 1 from sandbox where sandbox.id = x.sandbox_id)
        order by x.seq
        returning id, sandbox_id
      )
      delete from request_log l using (
        select s.sandbox_id, (
          select r.id from request_log r where r.sandbox_id = s.sandbox_id
          order by r.id desc offset ${REQUEST_LOG_KEEP - 1} limit 1
        ) as oldest_kept
        from (select distinct sandbox_id from written where id % ${PRUNE_EVERY} = 0) as s(sandbox_id)
      ) k
      where l.sandbox_id = k.sandbox_id and l.id < k.oldest_kept`;
  } catch (error) {
    console.error("bare-server: could not write the request log", error);
  }
  writing = false;
  backlog = queue.length > 0;
  schedule();
}

async function todos(req, res, url) {
  const origin = performance.now();
  const spans = [];
  const span = async (name, step) => {
    const start = performance.now() - origin;
    try {
      return await step();
    } finally {
      spans.push({ name, start, dur: performance.now() - origin - start });
    }
  };
  let status = 500;
  let sandboxId;
  try {
    const input = req.method === "POST" ? parseTodo(await readBody(req)) : undefined;
    if (req.method === "POST" && !input) {
      status = 400;
      return send(res, status, { title: "Invalid body" });
    }
    sandboxId = await span("sandbox", () => sandboxIdFor(req.headers["x-sandbox-key"]?.trim()));
    if (!sandboxId) {
      status = 401;
      return send(res, status, { title: "Unknown sandbox key" });
    }
    if (req.method === "GET") {
      const [code, data] = await span("db", () => listTodos(url, sandboxId));
      status = code;
      return send(res, status, data);
    }
    const row = await span("db", () => insertTodo(sandboxId, input));
    status = 201;
    return send(res, status, view(row));
  } catch (error) {
    console.error("bare-server:", error);
    status = 500;
    return send(res, status, { title: "Internal error" });
  } finally {
    // Like the route's after(): logged once the response is on its way.
    if (sandboxId) {
      const duration = performance.now() - origin;
      const path = `${url.pathname}${url.search}`.slice(0, 500);
      const requestId = `bare-${randomUUID()}`;
      const createdAt = new Date().toISOString();
      logRequest({
        sandboxId,
        requestId,
        method: req.method,
        path,
        status,
        duration,
        spans,
        createdAt,
      });
    }
  }
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://bare");
  if (url.pathname === "/health") return send(res, 200, { ok: true });
  if (url.pathname !== "/api/v1/todos") return send(res, 404, { title: "Not found" });
  if (req.method !== "GET" && req.method !== "POST")
    return send(res, 405, { title: "Not allowed" });
  todos(req, res, url);
});
server.keepAliveTimeout = 65_000;
server.listen(PORT, HOST, () => console.log(`bare-server on http://${HOST}:${PORT}`));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close();
    sql.end({ timeout: 2 }).finally(() => process.exit(0));
  });
}
