import { HEADER } from "@/lib/http/constants";
import { requestOrigin } from "@/lib/http/origin";
import { createRouteKit } from "@/lib/http/route";
import { problemTypeFor } from "@/lib/lessons/problem-types";
import { identifySandbox } from "./identify";
import { logRequest } from "./request-log";

const problemType = (kind: Parameters<typeof problemTypeFor>[0], req: Request) =>
  problemTypeFor(kind, requestOrigin(req));

/**
 * The route kit for lesson APIs (/api/v1/…): callers are sandboxes, every request lands in the
 * sandbox's request log, and other sites may call it with the key header (CORS, no cookies).
 */
export const lessonApi = createRouteKit({
  identify: identifySandbox,
  finish: logRequest,
  problemType,
  cors: {
    allowHeaders: [
      HEADER.sandboxKey,
      HEADER.contentType,
      HEADER.ifMatch,
      HEADER.ifNoneMatch,
      HEADER.ifModifiedSince,
      "if-unmodified-since",
      HEADER.requestId,
      "accept",
    ],
    exposeHeaders: [
      HEADER.etag,
      HEADER.lastModified,
      HEADER.location,
      HEADER.link,
      HEADER.requestId,
      HEADER.serverTiming,
      HEADER.retryAfter,
      HEADER.wwwAuthenticate,
      "ratelimit",
      "ratelimit-policy",
      "accept-patch",
      "accept-post",
      "allow",
    ],
  },
});

/** The route kit for the portal's own APIs (/api/sandbox, /api/progress): same-site only, not logged. */
export const portalApi = createRouteKit({ identify: identifySandbox, problemType });
