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
    "The body could not be read as its Content-Type says (for example, broken JSON).",
  unauthorized:
    "No sandbox key, or a key that names no sandbox. POST /api/sandbox gives you one; send it in X-Sandbox-Key.",
  forbidden:
    "Refused because the request came from another site's page: there, only X-Sandbox-Key (never the cookie alone) authorizes a change.",
  "not-found": "Nothing by that name in your sandbox.",
  "method-not-allowed": "This path does not serve that method; Allow lists the ones it does.",
  "not-acceptable": "No representation it can send matches your Accept header.",
  conflict: "The request conflicts with the current state (for example, a limit is reached).",
  "precondition-failed":
    "If-Match names a version that is no longer current: it was changed since you read it.",
  "content-too-large": "The body is larger than this operation accepts.",
  "unsupported-media-type": "The body's Content-Type is not one this operation reads.",
  validation:
    "Some fields are invalid; `errors` lists every one, with where it was (path, query, body) and why.",
  "precondition-required": "This change needs an If-Match header.",
  "rate-limited": "Your sandbox sent too many requests this minute; wait Retry-After seconds.",
  internal: "Something failed on our side; quote the requestId if you report it.",
  "not-implemented": "The server does not know this method at all.",
};

/** Headers a problem of this kind always carries. */
const PROBLEM_HEADERS: Partial<Record<ProblemKind, Record<string, HeaderObject>>> = {
  unauthorized: {
    [HEADER.wwwAuthenticate]: {
      description: "The scheme and the header to send the key in",
      required: true,
      schema: { type: "string" },
    },
  },
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
};

/** The component name of a kind's response: `not-found` is `NotFound`. */
export function problemResponseName(kind: ProblemKind): string {
  return kind.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

export function problemResponseRef(kind: ProblemKind): Reference {
  return { $ref: `#/components/responses/${problemResponseName(kind)}` };
}

/** The shared response for one kind: its title and when it happens, a Problem of its status. */
export function problemResponse(kind: ProblemKind): ResponseObject {
  const { status, title } = problemKinds[kind];
  return {
    description: `${title}. ${PROBLEM_WHEN[kind]}`,
    ...(PROBLEM_HEADERS[kind] ? { headers: PROBLEM_HEADERS[kind] } : {}),
    content: {
      [MEDIA_TYPE.problem]: {
        schema: {
          allOf: [{ $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` }],
          properties: { status: { const: status }, title: { const: title } },
        },
      },
    },
  };
}

/** Kinds in the order of their statuses, as a response list reads best. */
export function byStatus(kinds: Iterable<ProblemKind>): ProblemKind[] {
  return [...new Set(kinds)].sort((a, b) => problemKinds[a].status - problemKinds[b].status);
}
