import { defineExamples } from "@/content/examples";

const SEEDED = [
  { id: 1, title: "Read the HTTP and REST lesson", done: true },
  { id: 2, title: "Send my first request from the console", done: false },
  { id: 3, title: "Build a Todo API with CRUD", done: false },
] as const;
const [todo1, todo2, todo3] = SEEDED;

const PROBLEM = { "content-type": "application/problem+json" } as const;

/**
 * Every request the Todo API lesson shows, in the order it shows them. They tell one story on a
 * fresh (or freshly reset) sandbox: list the seeded todos 1–3, create todo 4, change it, delete it,
 * then use todo 2 to show conditional requests and the lost update.
 */
export const examples = defineExamples({
  listTodos: {
    title: "List your todos",
    method: "GET",
    path: "/api/v1/todos",
    expect: {
      status: 200,
      headers: { "content-type": "application/json", etag: true, link: 'rel="first"' },
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
      headers: { etag: '"1-1"' },
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
      headers: { location: "/api/v1/todos/4", etag: '"4-1"', "content-type": "application/json" },
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
      headers: { etag: '"4-2"' },
      body: { id: 4, title: "Write my own Todo API in Express", done: false },
    },
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
    title: "PATCH: change only done",
    method: "PATCH",
    path: "/api/v1/todos/4",
    body: { done: true },
    expect: {
      status: 200,
      headers: { etag: '"4-3"' },
      body: { id: 4, title: "Write my own Todo API in Express", done: true },
    },
  },
  deleteTodo: {
    title: "Delete todo 4",
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
    expect: { status: 200, headers: { etag: '"2-1"' }, body: todo2 },
  },
  revalidateTodo2: {
    title: 'Client A asks: has todo 2 changed since "2-1"?',
    method: "GET",
    path: "/api/v1/todos/2",
    headers: { "If-None-Match": '"2-1"' },
    expect: { status: 304, headers: { etag: '"2-1"' } },
  },
  writeAsB: {
    title: 'Client B marks todo 2 done, holding ETag "2-1"',
    method: "PATCH",
    path: "/api/v1/todos/2",
    headers: { "If-Match": '"2-1"' },
    body: { done: true },
    expect: {
      status: 200,
      headers: { etag: '"2-2"' },
      body: { id: 2, title: todo2.title, done: true },
    },
  },
  staleWriteAsA: {
    title: 'Client A renames todo 2, still holding "2-1"',
    method: "PATCH",
    path: "/api/v1/todos/2",
    headers: { "If-Match": '"2-1"' },
    body: { title: "Send my first request with curl" },
    expect: {
      status: 412,
      headers: { etag: '"2-2"', "content-type": "application/problem+json" },
      body: {
        title: "Precondition failed",
        status: 412,
        detail:
          'If-Match "2-1" is not the todo\'s current ETag "2-2": someone changed it since you read it. GET it again, then retry.',
      },
    },
  },
  rereadTodo2: {
    title: "Client A revalidates again: now it has changed",
    method: "GET",
    path: "/api/v1/todos/2",
    headers: { "If-None-Match": '"2-1"' },
    expect: {
      status: 200,
      headers: { etag: '"2-2"' },
      body: { id: 2, title: todo2.title, done: true },
    },
  },
  retryAsA: {
    title: "Client A retries with the current ETag",
    method: "PATCH",
    path: "/api/v1/todos/2",
    headers: { "If-Match": '"2-2"' },
    body: { title: "Send my first request with curl" },
    expect: {
      status: 200,
      headers: { etag: '"2-3"' },
      body: { id: 2, title: "Send my first request with curl", done: true },
    },
  },
});
