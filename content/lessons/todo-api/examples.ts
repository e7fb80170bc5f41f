import { defineExamples } from "@/content/examples";

const SEEDED = [
  { id: 1, title: "Read the HTTP and REST lesson", done: true },
  { id: 2, title: "Send my first request from the console", done: false },
  { id: 3, title: "Build a Todo API with CRUD", done: false },
] as const;
const [todo1, todo2, todo3] = SEEDED;

const PROBLEM = { "content-type": "application/problem+json" } as const;
const CACHEABLE = {
  etag: true,
  "last-modified": true,
  "cache-control": "private, no-cache",
} as const;
const MERGE_PATCH = { "content-type": "application/merge-patch+json" } as const;
const RENAMED = "Send my first request with curl";

/**
 * Every request the Todo API lesson shows, in the order it shows them. They tell one story on a
 * fresh (or freshly reset) sandbox: list the seeded todos 1–3, create todo 4, change it, delete it,
 * then use todos 2 and 3 for caching, the lost update and the preconditions that prevent it.
 *
 * ETags are unique (no two writes anywhere get the same one), so no text can know them: a read
 * captures its response's ETag as a variable (`todo2Etag`) and later requests write `{{todo2Etag}}`,
 * as a client keeps the tag it last saw. The console fills it in from the variables the learner's
 * responses saved, the replays from theirs.
 */
export const examples = defineExamples({
  listTodos: {
    title: "List your todos",
    method: "GET",
    path: "/api/v1/todos",
    expect: {
      status: 200,
      headers: { "content-type": "application/json", ...CACHEABLE, link: 'rel="first"' },
      body: {
        data: [todo1, todo2, todo3],
        pagination: { page: 1, limit: 10, total: 3, totalPages: 1 },
      },
    },
  },
  listPage1: {
    title: "Two per page: page 1",
    method: "GET",
    path: "/api/v1/todos",
    query: { limit: "2" },
    expect: {
      status: 200,
      headers: { link: '</api/v1/todos?limit=2&page=2>; rel="next"' },
      body: {
        data: [todo1, todo2],
        pagination: { page: 1, limit: 2, total: 3, totalPages: 2 },
      },
    },
  },
  listPage2: {
    title: "Two per page: page 2",
    method: "GET",
    path: "/api/v1/todos",
    query: { limit: "2", page: "2" },
    expect: {
      status: 200,
      headers: { link: '</api/v1/todos?limit=2&page=1>; rel="prev"' },
      body: {
        data: [todo3],
        pagination: { page: 2, limit: 2, total: 3, totalPages: 2 },
      },
    },
  },
  listOpen: {
    title: "Only open todos, newest id first",
    method: "GET",
    path: "/api/v1/todos",
    query: { done: "false", sort: "-id" },
    expect: {
      status: 200,
      body: {
        data: [todo3, todo2],
        pagination: { page: 1, limit: 10, total: 2, totalPages: 1 },
      },
    },
  },
  listSearch: {
    title: "Search titles (case-insensitive)",
    method: "GET",
    path: "/api/v1/todos",
    query: { q: "http" },
    expect: {
      status: 200,
      body: { data: [todo1], pagination: { total: 1 } },
    },
  },
  getTodo: {
    title: "Read todo 1",
    method: "GET",
    path: "/api/v1/todos/1",
    expect: {
      status: 200,
      headers: { ...CACHEABLE, "accept-patch": "application/merge-patch+json, application/json" },
      body: todo1,
    },
  },
  createTodo: {
    title: "Create todo 4",
    method: "POST",
    path: "/api/v1/todos",
    body: { title: "Write my own Todo API" },
    expect: {
      status: 201,
      headers: { location: "/api/v1/todos/4", etag: true, "content-type": "application/json" },
      body: { id: 4, title: "Write my own Todo API", done: false },
    },
  },
  createInvalid: {
    title: "Three mistakes in one body",
    method: "POST",
    path: "/api/v1/todos",
    body: { title: "   ", done: "yes", priority: "high" },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        title: "Your request has invalid fields",
        status: 422,
        detail: "Invalid body title, done, priority.",
        instance: "/api/v1/todos",
        errors: [
          { in: "body", field: "title", message: "must not be empty" },
          { in: "body", field: "done", message: "must be true or false" },
          { in: "body", field: "priority", message: "is not a field of this resource" },
        ],
      },
    },
  },
  listInvalid: {
    title: "Invalid query parameters are 422 too",
    method: "GET",
    path: "/api/v1/todos",
    query: { limit: "500", sort: "newest" },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        status: 422,
        errors: [
          { in: "query", field: "limit", message: "must be at most 100" },
          {
            in: "query",
            field: "sort",
            message:
              "must be one of id, -id, createdAt, -createdAt, updatedAt, -updatedAt, title, -title",
          },
        ],
      },
    },
  },
  replaceTodo: {
    title: "PUT: replace todo 4 with a whole new representation",
    method: "PUT",
    path: "/api/v1/todos/4",
    body: { title: "Write my own Todo API in Express", done: false },
    expect: {
      status: 200,
      headers: { "content-location": "/api/v1/todos/4" },
      body: { id: 4, title: "Write my own Todo API in Express", done: false },
    },
  },
  readTodo4: {
    title: "Read todo 4 and keep its ETag",
    method: "GET",
    path: "/api/v1/todos/4",
    captures: { todo4Etag: "header.etag" },
    expect: { status: 200, headers: CACHEABLE },
  },
  replaceAgain: {
    title: "The same PUT, sent again",
    method: "PUT",
    path: "/api/v1/todos/4",
    body: { title: "Write my own Todo API in Express", done: false },
    expect: {
      status: 200,
      body: { id: 4, title: "Write my own Todo API in Express", done: false },
    },
  },
  revalidateTodo4: {
    title: "Has todo 4 changed since the first PUT?",
    method: "GET",
    path: "/api/v1/todos/4",
    headers: { "If-None-Match": "{{todo4Etag}}" },
    expect: { status: 304, headers: { etag: true } },
  },
  replacePartial: {
    title: "PUT with a field missing",
    method: "PUT",
    path: "/api/v1/todos/4",
    body: { done: true },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        status: 422,
        errors: [{ in: "body", field: "title", message: "is required" }],
      },
    },
  },
  patchTodo: {
    title: "PATCH: a merge patch that changes only done",
    method: "PATCH",
    path: "/api/v1/todos/4",
    headers: MERGE_PATCH,
    body: { done: true },
    expect: {
      status: 200,
      headers: { etag: true, "content-location": "/api/v1/todos/4" },
      body: { id: 4, title: "Write my own Todo API in Express", done: true },
    },
  },
  patchNull: {
    title: "PATCH: null would remove the title",
    method: "PATCH",
    path: "/api/v1/todos/4",
    headers: MERGE_PATCH,
    body: { title: null },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        status: 422,
        errors: [
          {
            in: "body",
            field: "title",
            message: "cannot be removed (null removes a field in a merge patch): send a new value",
          },
        ],
      },
    },
  },
  deleteTodo: {
    title: "Delete todo 4 (it is done)",
    method: "DELETE",
    path: "/api/v1/todos/4",
    expect: { status: 204 },
  },
  getDeleted: {
    title: "Read it again",
    method: "GET",
    path: "/api/v1/todos/4",
    expect: {
      status: 404,
      headers: PROBLEM,
      body: { title: "Not found", status: 404, detail: "Your sandbox has no todo with id 4." },
    },
  },
  deleteAgain: {
    title: "Delete it again",
    method: "DELETE",
    path: "/api/v1/todos/4",
    expect: { status: 404, headers: PROBLEM, body: { status: 404 } },
  },
  readTodo2: {
    title: "Client A reads todo 2",
    method: "GET",
    path: "/api/v1/todos/2",
    captures: { todo2Etag: "header.etag", todo2LastModified: "header.last-modified" },
    expect: { status: 200, headers: CACHEABLE, body: todo2 },
  },
  revalidateTodo2: {
    title: "Client A asks: has todo 2 changed since my ETag?",
    method: "GET",
    path: "/api/v1/todos/2",
    headers: { "If-None-Match": "{{todo2Etag}}" },
    expect: { status: 304, headers: { etag: true, "cache-control": "private, no-cache" } },
  },
  revalidateByDate: {
    title: "Client A asks by date instead: modified since?",
    method: "GET",
    path: "/api/v1/todos/2",
    headers: { "If-Modified-Since": "{{todo2LastModified}}" },
    expect: { status: 304 },
  },
  loseAsB: {
    title: "Client B marks todo 2 done (no If-Match)",
    method: "PUT",
    path: "/api/v1/todos/2",
    body: { title: todo2.title, done: true },
    expect: { status: 200, body: { id: 2, title: todo2.title, done: true } },
  },
  loseAsA: {
    title: "Client A renames it, with the done it read (no If-Match)",
    method: "PUT",
    path: "/api/v1/todos/2",
    body: { title: RENAMED, done: false },
    expect: { status: 200, body: { id: 2, title: RENAMED, done: false } },
  },
  readTodo3: {
    title: "Clients A and B both read todo 3",
    method: "GET",
    path: "/api/v1/todos/3",
    captures: { todo3Etag: "header.etag" },
    expect: { status: 200, headers: { etag: true }, body: todo3 },
  },
  writeAsB: {
    title: "Client B marks todo 3 done, with If-Match",
    method: "PATCH",
    path: "/api/v1/todos/3",
    headers: { ...MERGE_PATCH, "If-Match": "{{todo3Etag}}" },
    body: { done: true },
    expect: {
      status: 200,
      headers: { etag: true },
      body: { id: 3, title: todo3.title, done: true },
    },
  },
  staleWriteAsA: {
    title: "Client A renames todo 3 with the same, now stale, If-Match",
    method: "PUT",
    path: "/api/v1/todos/3",
    headers: { "If-Match": "{{todo3Etag}}" },
    body: { title: "Build the Todo API with CRUD and ETags", done: false },
    expect: {
      status: 412,
      headers: PROBLEM,
      body: { title: "Precondition failed", status: 412 },
    },
  },
  rereadTodo3: {
    title: "Client A revalidates with its old ETag: it has changed",
    method: "GET",
    path: "/api/v1/todos/3",
    headers: { "If-None-Match": "{{todo3Etag}}" },
    captures: { todo3Etag: "header.etag" },
    expect: {
      status: 200,
      headers: { etag: true },
      body: { id: 3, title: todo3.title, done: true },
    },
  },
  retryAsA: {
    title: "Client A retries on the current version, keeping B's change",
    method: "PUT",
    path: "/api/v1/todos/3",
    headers: { "If-Match": "{{todo3Etag}}" },
    body: { title: "Build the Todo API with CRUD and ETags", done: true },
    expect: {
      status: 200,
      body: { id: 3, title: "Build the Todo API with CRUD and ETags", done: true },
    },
  },
  createOnly: {
    title: "PUT only if todo 2 does not exist yet (If-None-Match: *)",
    method: "PUT",
    path: "/api/v1/todos/2",
    headers: { "If-None-Match": "*" },
    body: { title: "Start over", done: false },
    expect: { status: 412, headers: PROBLEM, body: { status: 412 } },
  },
  deleteOpen: {
    title: "Delete todo 2, which is not done, without If-Match",
    method: "DELETE",
    path: "/api/v1/todos/2",
    expect: {
      status: 428,
      headers: PROBLEM,
      body: { title: "Precondition required", status: 428 },
    },
  },
  readBeforeDelete: {
    title: "Read todo 2 to get its ETag",
    method: "GET",
    path: "/api/v1/todos/2",
    captures: { todo2Etag: "header.etag" },
    expect: { status: 200, headers: { etag: true }, body: { id: 2, title: RENAMED, done: false } },
  },
  deleteWithIfMatch: {
    title: "Delete todo 2, with If-Match",
    method: "DELETE",
    path: "/api/v1/todos/2",
    headers: { "If-Match": "{{todo2Etag}}" },
    expect: { status: 204 },
  },
});
