/**
 * Errors as RFC 9457 problem details. Every error a lesson API answers is an HttpProblem of one
 * of these kinds; the kind fixes the status, the title and the lesson section its `type` links to.
 */
export const problemKinds = {
  "malformed-request": {
    status: 400,
    title: "The request could not be read",
    doc: "/learn/http-and-rest#400-bad-request",
  },
  "invalid-sandbox-key": {
    status: 401,
    title: "Unknown sandbox key",
    doc: "/learn/http-and-rest#401-unauthorized",
  },
  "not-found": {
    status: 404,
    title: "Not found",
    doc: "/learn/http-and-rest#404-not-found",
  },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    doc: "/learn/http-and-rest#405-method-not-allowed",
  },
  "not-acceptable": {
    status: 406,
    title: "No acceptable representation",
    doc: "/learn/http-and-rest#406-not-acceptable",
  },
  "precondition-failed": {
    status: 412,
    title: "Precondition failed",
    doc: "/learn/todo-api#412-precondition-failed",
  },
  "content-too-large": {
    status: 413,
    title: "Request body too large",
    doc: "/learn/http-and-rest#413-content-too-large",
  },
  "unsupported-media-type": {
    status: 415,
    title: "Unsupported media type",
    doc: "/learn/http-and-rest#415-unsupported-media-type",
  },
  validation: {
    status: 422,
    title: "Your request has invalid fields",
    doc: "/learn/todo-api#422-unprocessable-content",
  },
  "rate-limited": {
    status: 429,
    title: "Too many requests",
    doc: "/learn/http-and-rest#429-too-many-requests",
  },
  internal: {
    status: 500,
    title: "Internal server error",
    doc: "/learn/http-and-rest#500-internal-server-error",
  },
} as const;

export type ProblemKind = keyof typeof problemKinds;

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

/** The absolute `type` URI of a problem kind, as served from `origin`. */
export function problemType(kind: ProblemKind, origin: string): string {
  return new URL(problemKinds[kind].doc, origin).toString();
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
  at: { origin: string; path: string; requestId: string; method?: string },
): Response {
  const body: ProblemBody = {
    type: problemType(problem.kind, at.origin),
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
