import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/db/unavailable";
import { accountSandboxKey } from "@/lib/accounts/account-key";
import { HEADER } from "@/lib/http/constants";
import { SERVED_BY_HEADER } from "@/lib/http/instance";
import { requestOrigin } from "@/lib/http/origin";
import { HttpProblem } from "@/lib/http/problem";
import { createRouteKit } from "@/lib/http/route";
import { problemTypeFor } from "@/lib/lessons/problem-types";
import { identifySandbox } from "./identify";
import { logRequest } from "./request-log";

const problemType = (kind: Parameters<typeof problemTypeFor>[0], req: Request) =>
  problemTypeFor(kind, requestOrigin(req));

/** A signed-in browser without a sandbox cookie is still its account's sandbox. */
const identify: typeof identifySandbox = (req, ctx, need) =>
  identifySandbox(req, ctx, need, (r) => accountSandboxKey(r.headers));

/** The database stopped or restarting: try again shortly (503), it is not the request's fault. */
function problemOf(error: unknown): HttpProblem | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  return new HttpProblem(
    "database-unavailable",
    `The database is not answering right now (stopped or restarting). Try again in ${DATABASE_RETRY_AFTER_SECONDS} s, as Retry-After says.`,
    { headers: { [HEADER.retryAfter]: String(DATABASE_RETRY_AFTER_SECONDS) } },
  );
}

/**
 * The route kit for lesson APIs (/api/v1/…): callers are sandboxes, every request lands in the
 * sandbox's request log, and other sites may call it with the key header (CORS, no cookies).
 */
export const lessonApi = createRouteKit({
  identify,
  finish: logRequest,
  problemType,
  problemOf,
  cors: {
    allowHeaders: [
      HEADER.sandboxKey,
      "authorization",
      HEADER.contentType,
      HEADER.ifMatch,
      HEADER.ifNoneMatch,
      HEADER.ifModifiedSince,
      "if-unmodified-since",
      HEADER.requestId,
      "accept",
      "idempotency-key",
      "api-version",
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
      "idempotent-replayed",
      "x-ai-model",
      "deprecation",
      "sunset",
      "api-version",
      "x-cache",
      "cache-status",
      SERVED_BY_HEADER,
    ],
  },
});

/** The route kit for the portal's own APIs (/api/sandbox, /api/progress): same-site only, not logged. */
export const portalApi = createRouteKit({ identify, problemType, problemOf });
