import { z } from "zod";
import { HEADER, MEDIA_TYPE } from "@/lib/http/constants";
import { type ProblemBody, type ProblemKind, problemKinds } from "@/lib/http/problem";
import { responseSchema } from "./json-schema";
import type { HeaderObject, JsonSchema, Reference, ResponseObject } from "./types";

/** The problem+json body every error has (lib/http/problem.ts `ProblemBody`), as a schema. */
const fieldError = z.strictObject({
  in: z.enum(["path", "query", "header", "body"]).describe("Where the value was"),
  field: z.string().describe("The field's name (a dotted path inside the body)"),
  message: z.string().describe("What is wrong with it"),
});

const problemBody = z
  .strictObject({
    type: z
      .string()
      .describe(
        "The page that explains this kind of problem (a lesson section), or about:blank for kinds whose status says it all",
      ),
    title: z.string().describe("The kind of problem, the same for every problem of that kind"),
    status: z.number().int().min(400).max(599).describe("The HTTP status, repeated"),
    detail: z.string().describe("What went wrong with this request, and what to do about it"),
    instance: z.string().describe("The path of the request that failed"),
    requestId: z
      .string()
      .describe("The request's id (also in X-Request-Id): find it in your request log"),
    errors: z
      .array(fieldError)
      .optional()
      .describe("For invalid fields (422): every field that was rejected"),
  })
  .describe("An error, as RFC 9457 problem details") satisfies z.ZodType<ProblemBody>;

export const PROBLEM_SCHEMA_NAME = "Problem";

export function problemSchema(): JsonSchema {
  return responseSchema(problemBody);
}

/** When each kind of problem is answered, as the document describes its response. */
export const PROBLEM_WHEN: Record<ProblemKind, string> = {
  "malformed-request":
    "The request could not be read: a body that is not what its Content-Type says (for example, broken JSON), or an Authorization header that is not Bearer and one token.",
  "invalid-cursor":
    "The cursor was not issued for this list: edited, cut short, made up, sent with other filters or from another sandbox. Send nextCursor exactly as a page gave it, or leave cursor out.",
  "unknown-api-version":
    "API-Version names a version this API does not have, or disagrees with the version Accept asks for.",
  unauthorized:
    "No sandbox key, or a key that names no sandbox. POST /api/sandbox gives you one; send it in X-Sandbox-Key.",
  "token-required":
    "No access token: send one of your sandbox's users' in Authorization: Bearer (POST /api/v1/auth/login gives you one).",
  "invalid-token":
    "The token is not valid: a bad signature or alg, expired or not yet valid, another sandbox's, or its session has ended. WWW-Authenticate says which.",
  "invalid-credentials": "No account in your sandbox has that email and password.",
  "session-required":
    "No session cookie: log in with POST /api/v1/sessions/login (your browser then sends the cookie by itself).",
  "invalid-session":
    "The session cookie names no live session of your sandbox: it was logged out or revoked, it expired (idle or absolute), or it belongs to another sandbox. `detail` says which.",
  forbidden:
    "Refused because the request came from another site's page: there, only X-Sandbox-Key (never the cookie alone) authorizes a change.",
  "insufficient-role": "You are logged in, but your user's role may not do this.",
  "not-owner":
    "You may see this resource (an admin may read anyone's), but only the user who owns it may change or delete it.",
  "csrf-rejected":
    "A change authorized by the session cookie came from another origin, or without the session's CSRF token in X-CSRF-Token. Nothing was changed.",
  "not-found": "Nothing by that name in your sandbox.",
  "method-not-allowed": "This path does not serve that method; Allow lists the ones it does.",
  "not-acceptable": "No representation it can send matches your Accept header.",
  conflict: "The request conflicts with the current state (for example, a limit is reached).",
  "insufficient-stock":
    "A product of the order has fewer units in stock than asked for; `detail` names it and says how many are left. Nothing was ordered.",
  "idempotency-key-in-use":
    "Another request with the same Idempotency-Key is being processed right now; retry when it has finished to get its answer.",
  "precondition-failed":
    "If-Match names a version that is no longer current: it was changed since you read it.",
  "content-too-large": "The body is larger than this operation accepts.",
  "unsupported-media-type": "The body's Content-Type is not one this operation reads.",
  validation:
    "Some fields are invalid; `errors` lists every one, with where it was (path, query, body) and why.",
  "precondition-required": "This change needs an If-Match header.",
  "model-failed":
    "The language model (its provider) failed or timed out before the answer started. Once an answer streams, a failure is an error part in the stream instead.",
  "budget-spent":
    "Your sandbox has used its hourly budget of requests to the language model; Retry-After says when more is available.",
  "idempotency-key-reused":
    "The Idempotency-Key was already used, by you, for a request with another body. Use a new key for a new request.",
  "rate-limited": "Your sandbox sent too many requests this minute; wait Retry-After seconds.",
  internal: "Something failed on our side; quote the requestId if you report it.",
  "not-implemented": "The server does not know this method at all.",
  "limiter-unavailable":
    "The store behind a limiter that fails closed did not answer; wait Retry-After seconds and try again.",
  "sql-console-busy":
    "Too many scripts are waiting for the SQL console; wait Retry-After seconds and send it again.",
  "database-unavailable":
    "The database is stopped or restarting; wait Retry-After seconds and try again.",
};

const challenge = (description: string): Record<string, HeaderObject> => ({
  [HEADER.wwwAuthenticate]: { description, required: true, schema: { type: "string" } },
});
const bearerChallenge = challenge(
  'Bearer, with error="invalid_token" and an error_description when a token was sent (RFC 6750 §3)',
);

const cookieChallenge = challenge(
  "Cookie, naming the login to post to and the cookie it sets (the scheme of an expired Internet-Draft; no cookie scheme is registered)",
);

/** Headers a problem of this kind always carries. */
const PROBLEM_HEADERS: Partial<Record<ProblemKind, Record<string, HeaderObject>>> = {
  unauthorized: challenge("The scheme and the header to send the key in"),
  "token-required": bearerChallenge,
  "invalid-token": bearerChallenge,
  "invalid-credentials": challenge(
    "The scheme the lesson's other operations take: Bearer (the JWT lesson) or Cookie (the sessions lesson)",
  ),
  "insufficient-role": {
    [HEADER.wwwAuthenticate]: {
      description:
        'With an access token: Bearer, with error="insufficient_scope" (RFC 6750 §3.1). With a session cookie, none (a 403 needs no challenge)',
      required: false,
      schema: { type: "string" },
    },
  },
  "session-required": cookieChallenge,
  "invalid-session": cookieChallenge,
  "method-not-allowed": {
    [HEADER.allow]: {
      description: "The methods this path serves",
      required: true,
      schema: { type: "string" },
    },
  },
  "rate-limited": {
    [HEADER.retryAfter]: {
      description: "Seconds to wait before sending again",
      required: true,
      schema: { type: "integer", minimum: 0 },
    },
  },
  "limiter-unavailable": {
    [HEADER.retryAfter]: {
      description: "Seconds until the limiter tries its store again",
      required: true,
      schema: { type: "integer", minimum: 0 },
    },
  },
  "sql-console-busy": {
    [HEADER.retryAfter]: {
      description: "Seconds to wait before sending the script again",
      required: true,
      schema: { type: "integer", minimum: 0 },
    },
  },
  "database-unavailable": {
    [HEADER.retryAfter]: {
      description: "Seconds to wait before trying again",
      required: true,
      schema: { type: "integer", minimum: 0 },
    },
  },
};

/** The component name of a kind's response: `not-found` is `NotFound`. */
export function problemResponseName(kind: ProblemKind): string {
  return kind.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

/**
 * The component name of the response for kinds that share a status, which an operation answers
 * as one: `unauthorized` and `invalid-token` are `UnauthorizedOrInvalidToken`.
 */
export function problemsResponseName(kinds: readonly ProblemKind[]): string {
  return kinds.map(problemResponseName).join("Or");
}

const KIND_BY_NAME = new Map(
  (Object.keys(problemKinds) as ProblemKind[]).map((kind) => [problemResponseName(kind), kind]),
);

/** The kinds a response component stands for; undefined when it is not a problem response. */
export function kindsOfResponseName(name: string): ProblemKind[] | undefined {
  const parts = name.split(/Or(?=[A-Z])/);
  const kinds = parts.map((part) => KIND_BY_NAME.get(part));
  return kinds.every((k) => k !== undefined) ? (kinds as ProblemKind[]) : undefined;
}

export function problemResponseRef(kinds: ProblemKind | readonly ProblemKind[]): Reference {
  const list = typeof kinds === "string" ? [kinds] : kinds;
  return { $ref: `#/components/responses/${problemsResponseName(list)}` };
}

/** Headers of several kinds of problem; one named by several says what each kind puts in it. */
function mergedHeaders(kinds: readonly ProblemKind[]): Record<string, HeaderObject> {
  const merged: Record<string, HeaderObject> = {};
  for (const kind of kinds) {
    for (const [name, header] of Object.entries(PROBLEM_HEADERS[kind] ?? {})) {
      const seen = merged[name];
      merged[name] =
        seen && seen.description !== header.description
          ? { ...seen, description: `${seen.description}; or ${header.description}` }
          : header;
    }
  }
  return merged;
}

/**
 * The shared response for kinds of problem of one status: each one's title and when it happens,
 * a Problem of that status.
 */
export function problemResponse(kinds: ProblemKind | readonly ProblemKind[]): ResponseObject {
  const list = typeof kinds === "string" ? [kinds] : kinds;
  const first = list[0];
  if (!first) throw new Error("problemResponse: no kind");
  const { status } = problemKinds[first];
  const titles = list.map((kind) => problemKinds[kind].title);
  const headers = mergedHeaders(list);
  return {
    description: list
      .map((kind) => `${problemKinds[kind].title}. ${PROBLEM_WHEN[kind]}`)
      .join(" Or: "),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: {
      [MEDIA_TYPE.problem]: {
        schema: {
          allOf: [{ $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` }],
          properties: {
            status: { const: status },
            title: titles.length === 1 ? { const: titles[0] } : { enum: titles },
          },
        },
      },
    },
  };
}

/** Kinds in the order of their statuses, as a response list reads best. */
export function byStatus(kinds: Iterable<ProblemKind>): ProblemKind[] {
  return [...new Set(kinds)].sort((a, b) => problemKinds[a].status - problemKinds[b].status);
}
