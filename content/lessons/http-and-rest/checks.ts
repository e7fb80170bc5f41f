import { requested } from "@/lib/lessons/checks";

const ECHO = "/api/v1/http/echo";

/** What "Check my work" looks for in your sandbox's request log after this lesson. */
export const checks = [
  requested(
    {
      id: "echo-json-body",
      title: "You sent a JSON body to the echo and saw it come back",
      hint: "Send a POST (or PUT/PATCH) to the echo with a body and the Content-Type that says it is JSON.",
    },
    { method: ["POST", "PUT", "PATCH"], path: ECHO, status: 200, sent: ["content-type"] },
  ),
  requested(
    {
      id: "not-acceptable",
      title: "You asked for a format the server cannot produce and got 406",
      hint: "The echo speaks JSON, text and HTML. Ask it, with the header that says what you accept, for something else.",
    },
    { path: ECHO, status: 406, sent: ["accept"] },
  ),
  requested(
    {
      id: "revalidated",
      title: "You revalidated a copy you had and got 304 Not Modified",
      hint: "Read a resource, keep its ETag, then ask again sending that ETag in the header made for it.",
    },
    { method: "GET", status: 304, sent: ["if-none-match"] },
  ),
  requested(
    {
      id: "client-error-on-demand",
      title: "You asked the server for a client error and read its problem details",
      hint: "The status endpoint answers any code you name. Pick one that says the client got something wrong.",
    },
    {
      method: "GET",
      path: /^\/api\/v1\/http\/status\/4\d\d$/,
      status: [400, 401, 403, 404, 405, 409, 410, 412, 415, 422, 429],
    },
  ),
  requested(
    {
      id: "watched-latency",
      title: "You made the server wait and saw where the time went",
      hint: "The delay endpoint waits as long as you ask; look at the timeline under the response afterwards.",
    },
    { method: "GET", path: /^\/api\/v1\/http\/delay\/\d+$/, status: 200, spans: ["delay"] },
  ),
];
