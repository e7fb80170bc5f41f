// What gets measured, in order: every GET before any POST, so each GET sees the same 20 todos.

/**
 * Each scenario: an id (the ratios refer to it), what it hits, the autocannon request, a check
 * of one response before the load, whether it writes to the bench database (`db`: reset the
 * todos around it), how many requests to send one at a time before the load (`probe`: their
 * latency, and for our route their Server-Timing), and whether to read the spans of the loaded
 * run from the request log
 * (`logSpans`: "sandbox" for the bench sandbox's entries, "all" for every sandbox's).
 */
export function scenarios({
  next,
  bare,
  json,
  key,
  spreadKeys,
  todos,
  posts,
  accessToken,
  admin,
  reader,
}) {
  const withKey = { "x-sandbox-key": key };
  const post = {
    method: "POST",
    headers: { ...withKey, "content-type": "application/json" },
    body: JSON.stringify({ title: "bench" }),
  };
  // One sandbox per connection: POSTs to one sandbox queue on its todo-id counter row, POSTs to
  // different sandboxes do not, so these rows show the pipeline without that lock.
  let client = 0;
  const spread = {
    ...post,
    setupClient: (c) => {
      const sandboxKey = spreadKeys[client++ % spreadKeys.length];
      c.setHeaders({ ...post.headers, "x-sandbox-key": sandboxKey });
    },
  };
  const login = {
    method: "POST",
    headers: { ...withKey, "content-type": "application/json" },
    body: JSON.stringify(admin),
  };
  const hello = (body) => body?.ok === true;
  const page = (body) => body?.data?.length === todos && body.pagination.total === todos;
  const created = (body, res) => res.status === 201 && body?.title === "bench";
  return [
    {
      id: "hello",
      server: "next",
      target: "next",
      route: "GET /api/health/live",
      load: { url: `${next}/api/health/live` },
      check: hello,
      probe: 200,
    },
    {
      id: "bare-hello",
      server: "bare",
      target: "bare node:http",
      route: "GET /health",
      load: { url: `${bare}/health` },
      check: hello,
      probe: 200,
    },
    {
      id: "todo-get",
      server: "next",
      target: "next",
      route: "GET /api/v1/todos",
      load: { url: `${next}/api/v1/todos?limit=${todos}`, headers: withKey },
      check: page,
      db: true,
      probe: 200,
      logSpans: "sandbox",
    },
    {
      id: "bare-get",
      server: "bare",
      target: "bare node:http",
      route: "GET /api/v1/todos",
      load: { url: `${bare}/api/v1/todos?limit=${todos}`, headers: withKey },
      check: page,
      db: true,
      probe: 200,
    },
    {
      id: "json-get",
      server: "json",
      target: "json-server",
      route: "GET /todos",
      load: { url: `${json}/todos?_limit=${todos}` },
      check: (body) => body?.length === todos,
      probe: 200,
    },
    {
      // The Blog API's list: a page of posts, each with its author, tags and comment count, from
      // one query (two lateral joins). The check refuses to measure unless the answer says so:
      // exactly one `db` span, the query count per request.
      id: "blog-posts",
      server: "next",
      target: "next",
      route: `GET /api/v1/blog/posts (${posts} posts, 1 query)`,
      load: { url: `${next}/api/v1/blog/posts?limit=${posts}`, headers: withKey },
      check: (body, res) =>
        body?.data?.length === posts &&
        body.data.every((p) => Array.isArray(p.tags) && Number.isInteger(p.commentCount)) &&
        (res.headers.get("server-timing")?.match(/(?:^|, )db;/g) ?? []).length === 1,
      probe: 200,
      logSpans: "sandbox",
    },
    {
      id: "shop-products",
      server: "next",
      target: "next",
      route: "GET /api/v1/shop/products",
      load: { url: `${next}/api/v1/shop/products?limit=20`, headers: withKey },
      check: (body) => body?.data?.length === 20 && body.pagination.total === 50,
      probe: 200,
      logSpans: "sandbox",
    },
    {
      // The caching lesson's cache-aside read of one product: after the first read a HIT in the
      // cache (this process's memory, or Redis with REDIS_URL), with no database step.
      id: "catalog-hit",
      server: "next",
      target: "next",
      route: "GET /api/v1/shop/products/7 (cache HIT)",
      load: { url: `${next}/api/v1/shop/products/7`, headers: withKey },
      check: (body, res) => body?.id === 7 && /^(HIT|MISS|STALE)$/.test(res.headers.get("x-cache")),
      probe: 200,
      logSpans: "sandbox",
    },
    {
      // The SQL console: the learner's rows copied into temporary tables of a fresh transaction
      // on the console's own role and connections, one small SELECT, then ROLLBACK.
      id: "sql-select",
      server: "next",
      target: "next",
      route: "POST /api/v1/sql (a small SELECT)",
      load: {
        url: `${next}/api/v1/sql`,
        method: "POST",
        headers: { ...withKey, "content-type": "application/json" },
        body: JSON.stringify({
          sql: `select id, title, done from todos order by id limit ${todos}`,
        }),
      },
      check: (body) => body?.results?.[0]?.rows?.length === todos && !body.results[0].error,
      // The console runs 3 scripts at once and lets 16 wait; past that it refuses with 503 and
      // Retry-After, which autocannon ignores and resends at once: at 50 connections the row
      // would measure refusals (seen: 137 of 2,068 answers were 200). So it runs at 16.
      maxConnections: 16,
      probe: 100,
      logSpans: "sandbox",
    },
    {
      // A login: the attempt limits, one argon2id verification, a session, an RS256 signature.
      id: "login",
      server: "next",
      target: "next",
      route: "POST /api/v1/auth/login",
      load: { url: `${next}/api/v1/auth/login`, ...login },
      check: (body) => body?.tokenType === "Bearer",
      probe: 50,
      logSpans: "sandbox",
    },
    {
      // A request with an access token (another user's than the login row's): RS256
      // verification and one query for its session.
      id: "me",
      server: "next",
      target: "next",
      route: "GET /api/v1/auth/me",
      load: {
        url: `${next}/api/v1/auth/me`,
        headers: { ...withKey, authorization: `Bearer ${accessToken}` },
      },
      check: (body) => body?.email === reader.email,
      probe: 200,
      logSpans: "sandbox",
    },
    {
      id: "todo-post",
      server: "next",
      target: "next",
      route: "POST /api/v1/todos",
      load: { url: `${next}/api/v1/todos`, ...post },
      check: created,
      db: true,
      trimTodos: true,
      probe: 100,
      logSpans: "sandbox",
    },
    {
      id: "bare-post",
      server: "bare",
      target: "bare node:http",
      route: "POST /api/v1/todos",
      load: { url: `${bare}/api/v1/todos`, ...post },
      check: created,
      db: true,
      trimTodos: true,
      probe: 100,
    },
    {
      id: "todo-post-spread",
      server: "next",
      target: "next",
      route: `POST /api/v1/todos, ${spreadKeys.length} sandboxes`,
      load: { url: `${next}/api/v1/todos`, ...spread },
      check: created,
      db: true,
      logSpans: "all",
    },
    {
      id: "bare-post-spread",
      server: "bare",
      target: "bare node:http",
      route: `POST /api/v1/todos, ${spreadKeys.length} sandboxes`,
      load: { url: `${bare}/api/v1/todos`, ...spread },
      check: created,
      db: true,
    },
    {
      id: "json-post",
      server: "json",
      target: "json-server",
      route: "POST /todos",
      load: { url: `${json}/todos`, ...post },
      check: created,
      probe: 100,
    },
  ];
}
