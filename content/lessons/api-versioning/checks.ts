import { type Check, requested, requestedInOrder } from "@/lib/lessons/checks";

/** What "Check my work" looks for in your sandbox's request log after this lesson. */
export const checks: Check[] = [
  requested(
    {
      id: "followed-a-cursor",
      title: "You read a second page of v2 by its cursor",
      hint: "List /api/v2/todos with a small limit, then send its nextCursor back as ?cursor=.",
    },
    { method: "GET", path: "/api/v2/todos", query: { cursor: true }, status: 200 },
  ),
  requested(
    {
      id: "refused-a-cursor",
      title: "v2 refused a cursor you had changed, with 400",
      hint: "Change one character of a nextCursor and send it. A cursor is opaque: the API must notice.",
    },
    { method: "GET", path: "/api/v2/todos", query: { cursor: true }, status: 400 },
  ),
  requestedInOrder(
    {
      id: "wrote-in-v2-read-in-v1",
      title: "You created a todo in v2, then read a todo in v1",
      hint: "POST a todo with text to /api/v2/todos, then GET it from /api/v1/todos/{id}: the same row, another representation.",
    },
    { method: "POST", path: "/api/v2/todos", status: 201 },
    { method: "GET", path: /^\/api\/v1\/todos\/\d+$/, status: 200 },
  ),
  requested(
    {
      id: "chose-by-header",
      title: "You chose a version of /api/todos with the API-Version header",
      hint: "GET /api/todos with an API-Version header naming a version this API has.",
    },
    { method: "GET", path: "/api/todos", sent: ["api-version"], status: 200 },
  ),
  requested(
    {
      id: "not-acceptable",
      title: "You asked /api/todos for a media type it cannot produce, and got 406",
      hint: "Send Accept with a versioned media type of a version that does not exist.",
    },
    { method: "GET", path: "/api/todos", status: 406 },
  ),
];
