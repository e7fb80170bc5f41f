/**
 * Errors as RFC 9457 problem details. Every error an API here answers is an HttpProblem of one of
 * these kinds; the kind fixes the status and the title. Which page explains a kind (its `type`) is
 * not known here: lessons declare the sections that explain problems, and the app's route kit
 * resolves it (see lib/lessons/problem-types.ts).
 */
export const problemKinds = {
  "malformed-request": { status: 400, title: "The request could not be read" },
  "invalid-cursor": { status: 400, title: "This cursor was not issued for this request" },
  "unknown-api-version": { status: 400, title: "No such version of this API" },
  unauthorized: { status: 401, title: "Authentication required" },
  "token-required": { status: 401, title: "Access token required" },
  "invalid-token": { status: 401, title: "Invalid token" },
  "invalid-credentials": { status: 401, title: "Wrong email or password" },
  "session-required": { status: 401, title: "Log in first" },
  "invalid-session": { status: 401, title: "Your session is not valid" },
  forbidden: { status: 403, title: "Forbidden" },
  "insufficient-role": { status: 403, title: "Your role does not allow this" },
  "not-owner": { status: 403, title: "Only its owner may do this" },
  "csrf-rejected": { status: 403, title: "Refused as a possible cross-site request forgery" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "not-acceptable": { status: 406, title: "No acceptable representation" },
  conflict: { status: 409, title: "Conflict with the current state" },
  "insufficient-stock": { status: 409, title: "Not enough stock" },
  "idempotency-key-in-use": {
    status: 409,
    title: "A request with this Idempotency-Key is still being processed",
  },
  "precondition-failed": { status: 412, title: "Precondition failed" },
  "content-too-large": { status: 413, title: "Request body too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  validation: { status: 422, title: "Your request has invalid fields" },
  "idempotency-key-reused": {
    status: 422,
    title: "This Idempotency-Key was used for a different request",
  },
  "precondition-required": { status: 428, title: "Precondition required" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
  "not-implemented": { status: 501, title: "Not implemented" },
  "model-failed": { status: 502, title: "The language model failed" },
  "budget-spent": { status: 429, title: "Your sandbox's AI budget is spent" },
  "limiter-unavailable": { status: 503, title: "The rate limiter cannot decide right now" },
  "sql-console-busy": { status: 503, title: "The SQL console is busy" },
  "database-unavailable": { status: 503, title: "The database cannot be reached right now" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof problemKinds;

export function isProblemKind(kind: string): kind is ProblemKind {
  return Object.hasOwn(problemKinds, kind);
}

/** Where a rejected value was: the path, the query string, a header or the body. */
export type FieldError = {
  in: "path" | "query" | "header" | "body";
  field: string;
  message: string;
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export class HttpProblem extends Error {
  override name = "HttpProblem";
  readonly kind: ProblemKind;
  readonly detail: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(
    kind: ProblemKind,
    detail: string,
    extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.kind = kind;
    this.detail = detail;
    this.errors = extra.errors;
    this.headers = extra.headers;
  }

  get status(): number {
    return problemKinds[this.kind].status;
  }
}

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
};

export function problemResponse(
  problem: HttpProblem,
  at: { type: string; path: string; requestId: string; method?: string },
): Response {
  const body: ProblemBody = {
    type: at.type,
    title: problemKinds[problem.kind].title,
    status: problem.status,
    detail: problem.detail,
    instance: at.path,
    requestId: at.requestId,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  const headers = new Headers(problem.headers);
  headers.set("content-type", PROBLEM_CONTENT_TYPE);
  return new Response(at.method === "HEAD" ? null : JSON.stringify(body), {
    status: problem.status,
    headers,
  });
}

/** The client went away (aborted, or its body stopped half-way): nobody to answer, not our fault. */
export class ClientClosedError extends Error {
  override name = "ClientClosedError";
}
