import { defineExamples } from "@/content/examples";

const [first, second, third] = [
  { id: 1, text: "Read the HTTP and REST lesson", done: true },
  { id: 2, text: "Send my first request from the console", done: false },
  { id: 3, text: "Build a Todo API with CRUD", done: false },
] as const;
const asV1 = ({ text, ...todo }: { id: number; text: string; done: boolean }) => ({
  ...todo,
  title: text,
});

const PROBLEM = { "content-type": "application/problem+json" } as const;
/** What every v1 answer says (lib/api-versioning/policy.ts). */
export const DEPRECATED = {
  deprecation: "@1767225600",
  sunset: "Sat, 01 Jan 2028 00:00:00 GMT",
  link: '</learn/api-versioning#migrating-from-v1-to-v2>; rel="deprecation"; type="text/html"',
} as const;
const NEW_TODO = "Read the migration guide";
/** A cursor made up by hand: its payload says "after todo 2", its signature is zeros. */
export const FORGED_CURSOR = "WzIsbnVsbCxudWxsXQ.AAAAAAAAAAAAAAAAAAAAAA";

/**
 * Every request the API versioning lesson shows, in its order, on a fresh sandbox (todos 1–3).
 * v1 and v2 are asked the same questions side by side; then one todo is created in v2 and read
 * in both; then the same list is asked for by header and by media type.
 */
export const examples = defineExamples({
  v1List: {
    title: "v1: the first page of two",
    method: "GET",
    path: "/api/v1/todos",
    query: { limit: "2" },
    expect: {
      status: 200,
      headers: DEPRECATED,
      body: {
        data: [asV1(first), asV1(second)],
        pagination: { page: 1, limit: 2, total: 3, totalPages: 2 },
      },
    },
  },
  v2List: {
    title: "v2: the first page of two",
    method: "GET",
    path: "/api/v2/todos",
    query: { limit: "2" },
    captures: { nextCursor: "body.nextCursor" },
    expect: {
      status: 200,
      headers: { "content-type": "application/json", link: 'rel="next"' },
      body: { data: [first, second] },
    },
  },
  v1Page2: {
    title: "v1: page 2",
    method: "GET",
    path: "/api/v1/todos",
    query: { limit: "2", page: "2" },
    expect: {
      status: 200,
      headers: DEPRECATED,
      body: { data: [asV1(third)], pagination: { page: 2, total: 3 } },
    },
  },
  v2Next: {
    title: "v2: the page after the cursor",
    method: "GET",
    path: "/api/v2/todos",
    query: { limit: "2", cursor: "{{nextCursor}}" },
    expect: { status: 200, body: { data: [third], nextCursor: null } },
  },
  v2ForgedCursor: {
    title: "v2: a cursor made up by hand",
    method: "GET",
    path: "/api/v2/todos",
    query: { limit: "2", cursor: FORGED_CURSOR },
    expect: {
      status: 400,
      headers: PROBLEM,
      body: {
        title: "This cursor was not issued for this request",
        errors: [{ in: "query", field: "cursor" }],
      },
    },
  },
  v2Create: {
    title: "v2: create a todo (text, not title)",
    method: "POST",
    path: "/api/v2/todos",
    body: { text: NEW_TODO },
    expect: {
      status: 201,
      headers: { location: "/api/v2/todos/4" },
      body: { id: 4, text: NEW_TODO, done: false },
    },
  },
  v2OldBody: {
    title: "v2: a v1 body",
    method: "POST",
    path: "/api/v2/todos",
    body: { title: NEW_TODO },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        errors: [
          { in: "body", field: "text", message: "is required" },
          { in: "body", field: "title" },
        ],
      },
    },
  },
  v1Read: {
    title: "v1: todo 4",
    method: "GET",
    path: "/api/v1/todos/4",
    expect: { status: 200, headers: DEPRECATED, body: { id: 4, title: NEW_TODO, done: false } },
  },
  v2Read: {
    title: "v2: todo 4",
    method: "GET",
    path: "/api/v2/todos/4",
    expect: { status: 200, body: { id: 4, text: NEW_TODO, done: false } },
  },
  v2Patch: {
    title: "v2: mark it done",
    method: "PATCH",
    path: "/api/v2/todos/4",
    headers: { "Content-Type": "application/merge-patch+json" },
    body: { done: true },
    expect: { status: 200, body: { id: 4, text: NEW_TODO, done: true } },
  },
  byHeader: {
    title: "/api/todos with API-Version: 2",
    method: "GET",
    path: "/api/todos",
    query: { limit: "2" },
    headers: { "API-Version": "2" },
    expect: {
      status: 200,
      headers: {
        "api-version": "2",
        vary: "API-Version, Accept",
        "content-type": "application/json",
      },
      body: { data: [first, second] },
    },
  },
  byMediaType: {
    title: "/api/todos with Accept: application/vnd.bmj.todo.v2+json",
    method: "GET",
    path: "/api/todos",
    query: { limit: "2" },
    headers: { Accept: "application/vnd.bmj.todo.v2+json" },
    expect: {
      status: 200,
      headers: { "api-version": "2", "content-type": "application/vnd.bmj.todo.v2+json" },
      body: { data: [first, second] },
    },
  },
  byDefault: {
    title: "/api/todos naming no version",
    method: "GET",
    path: "/api/todos",
    query: { limit: "2" },
    expect: {
      status: 200,
      headers: { "api-version": "1", ...DEPRECATED },
      body: { data: [asV1(first), asV1(second)] },
    },
  },
  unknownVersion: {
    title: "API-Version: 3",
    method: "GET",
    path: "/api/todos",
    headers: { "API-Version": "3" },
    expect: {
      status: 400,
      headers: PROBLEM,
      body: { title: "No such version of this API", errors: [{ field: "API-Version" }] },
    },
  },
  unknownMediaType: {
    title: "Accept: application/vnd.bmj.todo.v3+json",
    method: "GET",
    path: "/api/todos",
    headers: { Accept: "application/vnd.bmj.todo.v3+json" },
    expect: { status: 406, headers: { ...PROBLEM, vary: "API-Version, Accept" } },
  },
});
