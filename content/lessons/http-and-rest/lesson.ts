import { httpInspectorApi } from "@/lib/http-and-rest/contract";
import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "http-and-rest",
  title: "HTTP and REST",
  summary:
    "Read and write raw HTTP: methods, URLs, headers, content negotiation, CORS, status codes, redirects and problem details, tried live against an inspector that echoes your requests back.",
  objectives: [
    "Read a raw HTTP exchange: request line, headers, body, status line",
    "Say which methods are safe and which are idempotent, and why it matters for retries",
    "Use the headers that matter: Content-Type, Accept, Content-Length, Location, Cache-Control, ETag, Allow",
    "Negotiate a representation with Accept (q-values) and recognise a 406",
    "Say when a browser sends a CORS preflight and which response headers let a script read the answer",
    "Design resource URLs the REST way",
    "Pick the right status code, follow a redirect the way its code says, and know which 4xx are worth retrying",
    "Read an RFC 9457 problem details error, including the about:blank type",
  ],
  minutes: 45,
  api: httpInspectorApi,
  examples,
  checks,
  explains: {
    "malformed-request": "400-bad-request",
    unauthorized: "401-unauthorized",
    "not-found": "404-not-found",
    "method-not-allowed": "405-method-not-allowed",
    "not-acceptable": "406-not-acceptable",
    "content-too-large": "413-content-too-large",
    "unsupported-media-type": "415-unsupported-media-type",
    "rate-limited": "429-too-many-requests",
    internal: "500-internal-server-error",
  },
});
