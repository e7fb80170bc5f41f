import { defineExamples } from "@/content/examples";

/** 16 KiB of text inside a JSON object: just over the 16,384-byte limit every lesson API enforces. */
const OVERSIZED_NOTE = "x".repeat(16 * 1024);

/** A made-up site whose page calls our API, for the cross-origin examples. */
const OTHER_ORIGIN = "https://learner.example";

/**
 * Every request the HTTP and REST lesson shows, in the order it shows them. Replayed top to bottom
 * in one fresh sandbox (todos 1, 2 and 3 seeded); nothing here writes, so the order only matters
 * for reading.
 */
export const examples = defineExamples({
  echoGet: {
    title: "Your first request: the echo",
    method: "GET",
    path: "/api/v1/http/echo",
    expect: {
      status: 200,
      headers: { "content-type": "application/json", vary: "Accept" },
      body: { method: "GET", path: "/api/v1/http/echo", query: {}, body: null, bodyBytes: 0 },
    },
  },
  echoPost: {
    title: "A POST with a JSON body and a header of your own",
    method: "POST",
    path: "/api/v1/http/echo",
    headers: { "X-Learner": "ada" },
    body: { title: "Learn HTTP", done: false },
    expect: {
      status: 200,
      headers: { "content-type": "application/json" },
      body: {
        method: "POST",
        path: "/api/v1/http/echo",
        headers: { "x-learner": "ada" },
        body: { title: "Learn HTTP", done: false },
      },
    },
  },
  echoHead: {
    title: "HEAD: the headers of a GET, without the body",
    method: "HEAD",
    path: "/api/v1/http/echo",
    expect: { status: 200, headers: { "content-type": "application/json" } },
  },
  optionsTodos: {
    title: "OPTIONS: which methods does this URL take?",
    method: "OPTIONS",
    path: "/api/v1/todos",
    expect: { status: 204, headers: { allow: "GET, HEAD, POST, OPTIONS" } },
  },
  echoQuery: {
    title: "A query string with characters that must be encoded",
    method: "GET",
    path: "/api/v1/http/echo",
    query: { q: "milk & eggs", page: "2" },
    expect: {
      status: 200,
      body: { path: "/api/v1/http/echo", query: { q: "milk & eggs", page: "2" } },
    },
  },
  echoText: {
    title: "Accept: text/plain",
    method: "GET",
    path: "/api/v1/http/echo",
    headers: { Accept: "text/plain" },
    expect: { status: 200, headers: { "content-type": "text/plain", vary: "Accept" } },
  },
  echoHtml: {
    title: "Accept: text/html",
    method: "GET",
    path: "/api/v1/http/echo",
    headers: { Accept: "text/html" },
    expect: { status: 200, headers: { "content-type": "text/html", vary: "Accept" } },
  },
  echoPng: {
    title: "Accept: image/png, which the echo cannot produce",
    method: "GET",
    path: "/api/v1/http/echo",
    headers: { Accept: "image/png" },
    expect: {
      status: 406,
      headers: { "content-type": "application/problem+json" },
      body: {
        title: "No acceptable representation",
        status: 406,
        detail:
          "Nothing here matches Accept: image/png. This endpoint can answer application/json, text/plain, text/html.",
        instance: "/api/v1/http/echo",
      },
    },
  },
  corsPreflight: {
    title: "A CORS preflight: may a page on another site PUT JSON here, with a sandbox key?",
    method: "OPTIONS",
    path: "/api/v1/http/echo",
    headers: {
      Origin: OTHER_ORIGIN,
      "Access-Control-Request-Method": "PUT",
      "Access-Control-Request-Headers": "content-type, x-sandbox-key",
    },
    expect: {
      status: 204,
      headers: {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": true,
        "access-control-allow-headers": true,
        "access-control-max-age": true,
      },
    },
  },
  corsSimple: {
    title: "A cross-origin GET: the answer says who may read it",
    method: "GET",
    path: "/api/v1/http/echo",
    headers: { Origin: OTHER_ORIGIN },
    expect: {
      status: 200,
      headers: { "access-control-allow-origin": "*", "content-type": "application/json" },
      body: { method: "GET", headers: { origin: OTHER_ORIGIN } },
    },
  },
  getTodo: {
    title: "One resource, one URL: todo 1",
    method: "GET",
    path: "/api/v1/todos/1",
    captures: { todo1Etag: "header.etag" },
    expect: {
      status: 200,
      headers: {
        "content-type": "application/json",
        etag: true,
        "cache-control": "private, no-cache",
      },
      body: { id: 1, title: "Read the HTTP and REST lesson", done: true },
    },
  },
  delay: {
    title: "A slow endpoint: wait 800 ms",
    method: "GET",
    path: "/api/v1/http/delay/800",
    expect: {
      status: 200,
      headers: { "server-timing": "delay;dur=" },
      body: { delayedMs: 800 },
    },
  },
  status200: {
    title: "200 on demand",
    method: "GET",
    path: "/api/v1/http/status/200",
    expect: {
      status: 200,
      body: { status: 200, reason: "OK", meaning: "It worked; the body is the result." },
    },
  },
  status201: {
    title: "201 on demand, with its Location",
    method: "GET",
    path: "/api/v1/http/status/201",
    expect: {
      status: 201,
      headers: { location: "/api/v1/http/echo?from=201" },
      body: { status: 201, reason: "Created" },
    },
  },
  status204: {
    title: "204: success, no body",
    method: "GET",
    path: "/api/v1/http/status/204",
    expect: { status: 204 },
  },
  status303: {
    title: "303 See Other: the answer is over there, GET it",
    method: "GET",
    path: "/api/v1/http/status/303",
    expect: {
      status: 303,
      headers: { location: "/api/v1/http/echo?from=303" },
      body: { status: 303, reason: "See Other", meaning: "See Other: GET the answer at Location." },
    },
  },
  notModified: {
    title: "Revalidate todo 1 with the ETag you already have",
    method: "GET",
    path: "/api/v1/todos/1",
    headers: { "If-None-Match": "{{todo1Etag}}" },
    expect: { status: 304, headers: { etag: true } },
  },
  badRequest: {
    title: "Says JSON, sends nothing",
    method: "POST",
    path: "/api/v1/todos",
    headers: { "Content-Type": "application/json" },
    expect: {
      status: 400,
      headers: { "content-type": "application/problem+json" },
      body: {
        title: "The request could not be read",
        status: 400,
        detail: "The body is empty; send a JSON object.",
      },
    },
  },
  status401: {
    title: "401 on demand, with its WWW-Authenticate header",
    method: "GET",
    path: "/api/v1/http/status/401",
    expect: {
      status: 401,
      headers: { "www-authenticate": "Bearer", "content-type": "application/problem+json" },
      body: { type: "about:blank", title: "Unauthorized", status: 401 },
    },
  },
  notFound: {
    title: "A todo your sandbox does not have",
    method: "GET",
    path: "/api/v1/todos/99",
    expect: {
      status: 404,
      headers: { "content-type": "application/problem+json" },
      body: {
        title: "Not found",
        status: 404,
        detail: "Your sandbox has no todo with id 99.",
        instance: "/api/v1/todos/99",
      },
    },
  },
  methodNotAllowed: {
    title: "POST to a URL that only takes GET",
    method: "POST",
    path: "/api/v1/http/status/200",
    expect: {
      status: 405,
      headers: { allow: "GET, HEAD, OPTIONS", "content-type": "application/problem+json" },
      body: {
        title: "Method not allowed",
        status: 405,
        detail: "POST is not supported here. Allowed: GET, HEAD, OPTIONS.",
      },
    },
  },
  tooLarge: {
    title: "A body over 16 KiB",
    method: "POST",
    path: "/api/v1/http/echo",
    body: { note: OVERSIZED_NOTE },
    expect: {
      status: 413,
      headers: { "content-type": "application/problem+json" },
      body: {
        title: "Request body too large",
        status: 413,
        detail: "The body must be at most 16384 bytes.",
      },
    },
  },
  unsupportedType: {
    title: "JSON text, labelled as a form (what curl -d does)",
    method: "POST",
    path: "/api/v1/todos",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: { title: "Buy milk" },
    expect: {
      status: 415,
      headers: { "content-type": "application/problem+json", "accept-post": "application/json" },
      body: {
        title: "Unsupported media type",
        status: 415,
        detail:
          'Send the body as JSON with "Content-Type: application/json", not "application/x-www-form-urlencoded".',
      },
    },
  },
  echoForm: {
    title: "The same todo as a real form",
    method: "POST",
    path: "/api/v1/http/echo",
    form: { title: "Buy milk", done: "false" },
    expect: {
      status: 200,
      body: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "title=Buy+milk&done=false",
      },
    },
  },
  status429: {
    title: "429 on demand, with Retry-After, beside your real rate limit",
    method: "GET",
    path: "/api/v1/http/status/429",
    expect: {
      status: 429,
      headers: {
        "retry-after": "60",
        "ratelimit-policy": '"sandbox";q=600;w=60',
        ratelimit: '"sandbox";r=',
        "content-type": "application/problem+json",
      },
      body: { type: "about:blank", title: "Too Many Requests", status: 429 },
    },
  },
  status500: {
    title: "500 on demand",
    method: "GET",
    path: "/api/v1/http/status/500",
    expect: {
      status: 500,
      headers: { "content-type": "application/problem+json" },
      body: { type: "about:blank", title: "Internal Server Error", status: 500 },
    },
  },
});
