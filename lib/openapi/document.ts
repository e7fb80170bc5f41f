import type { z } from "zod";
import { SESSION_COOKIE } from "@/lib/authn-and-authz/names";
import { MEDIA_TYPE, SAFE_METHODS } from "@/lib/http/constants";
import type { Deprecation, HeaderSpec, Operation, ResponseSpec } from "@/lib/http/contract";
import { httpDate } from "@/lib/http/etag";
import { type ProblemKind, problemKinds } from "@/lib/http/problem";
import { SANDBOX_COOKIE } from "@/lib/sandbox/keys";
import { requestSchema, responseSchema } from "./json-schema";
import { operationId } from "./operation-id";
import {
  byStatus,
  PROBLEM_SCHEMA_NAME,
  problemResponse,
  problemResponseRef,
  problemSchema,
  problemsResponseName,
} from "./problems";
import type {
  DocumentMethod,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  ResponseObject,
  SecurityRequirement,
  Tag,
} from "./types";

/** A tag of the document and the operations under it, in the order a reader meets them. */
export type OperationGroup = { tag: Tag; operations: readonly Operation[] };

export type DocumentInfo = OpenApiDocument["info"];

const KEY_SCHEME = "sandboxKey";
const COOKIE_SCHEME = "sandboxCookie";
const BEARER_SCHEME = "bearerToken";
const SESSION_SCHEME = "sessionCookie";
const REALWORLD_SCHEME = "realworldToken";
/** Identified by the key header or, in the browser, the cookie: either will do. */
const IDENTIFIED: SecurityRequirement[] = [{ [KEY_SCHEME]: [] }, { [COOKIE_SCHEME]: [] }];
/** The sandbox, as ever, and one of its users by an access token. */
const WITH_BEARER: SecurityRequirement[] = IDENTIFIED.map((s) => ({ ...s, [BEARER_SCHEME]: [] }));
/** The sandbox, as ever, and one of its users by a session cookie. */
const WITH_SESSION: SecurityRequirement[] = IDENTIFIED.map((s) => ({ ...s, [SESSION_SCHEME]: [] }));
/** `{}` first: anonymous callers are served too (a key, when sent, is still used). */
const OPTIONALLY_IDENTIFIED: SecurityRequirement[] = [{}, ...IDENTIFIED];
/** Reached by a public id, not the key: one of the blog's users by a RealWorld token, or anyone. */
const WITH_TOKEN: SecurityRequirement[] = [{ [REALWORLD_SCHEME]: [] }];
const OPTIONAL_TOKEN: SecurityRequirement[] = [{}, ...WITH_TOKEN];

/** The problems an operation can answer: its own, and those its identification brings. */
export function problemsOf(operation: Operation): ProblemKind[] {
  const identified = (operation.auth ?? "required") === "required";
  // The route kit validates what the contract declares (lib/http/validate.ts).
  const kinds: ProblemKind[] = operation.body
    ? ["malformed-request", "unsupported-media-type", "content-too-large", "validation"]
    : operation.params || operation.query
      ? ["validation"]
      : [];
  kinds.push(...(operation.problems ?? []));
  if (operation.publicId) {
    // No sandbox key: a token, when the operation needs a user (lib/blog-api/realworld/http.ts).
    if (identified) kinds.push("token-required", "invalid-token");
    kinds.push("rate-limited", "database-unavailable", "internal");
    return byStatus(kinds);
  }
  if (identified) kinds.push("unauthorized");
  // A malformed Authorization header is 400, a missing or invalid token 401 (RFC 6750 §3.1).
  if (operation.bearer) kinds.push("malformed-request", "token-required", "invalid-token");
  // A cookie alone may not authorize a change from another site's page (lib/sandbox/identify.ts).
  if (identified && !SAFE_METHODS.includes(operation.method)) kinds.push("forbidden");
  // A session cookie: missing, or naming no live session, is 401; a change made with it from
  // another origin or without its CSRF token is 403 (lib/authn-and-authz/session-auth.ts).
  if (operation.session) {
    kinds.push("session-required", "invalid-session");
    if (!SAFE_METHODS.includes(operation.method)) kinds.push("csrf-rejected");
  }
  // Any request that names a sandbox counts against its limit, identification optional or not;
  // and finding the sandbox needs the database, which may be unreachable for a moment.
  kinds.push("rate-limited", "database-unavailable", "internal");
  return byStatus(kinds);
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): ParameterObject[] {
  if (!schema) return [];
  const json = requestSchema(schema);
  const properties = json.properties as Record<string, Record<string, unknown>> | undefined;
  if (json.type !== "object" || !properties)
    throw new Error(`OpenAPI: ${where} schemas must be objects of named values`);
  const required = new Set(json.required as string[] | undefined);
  return Object.entries(properties).map(([name, { description, ...schema }]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    ...(typeof description === "string" ? { description } : {}),
    schema,
  }));
}

function headerParameters(headers: Operation["requestHeaders"]): ParameterObject[] {
  return Object.entries(headers ?? {}).map(([name, { description, required }]) => ({
    name,
    in: "header",
    required: required ?? false,
    description,
    schema: { type: "string" },
  }));
}

/** What a deprecated operation's every answer adds (lib/http/deprecation.ts). */
function deprecationHeaderSpecs(
  { since, sunset, link }: Deprecation,
  links?: HeaderSpec,
): Record<string, HeaderSpec> {
  const guide = `<${link}>; rel="deprecation"; type="text/html": the migration guide (RFC 9745 §3)`;
  return {
    deprecation: {
      description: `Deprecated since ${since.toISOString()}, as @seconds since the epoch (RFC 9745)`,
      required: true,
    },
    sunset: {
      description: `May stop answering after ${httpDate(sunset)} (RFC 8594)`,
      required: true,
    },
    link: {
      description: links ? `${links.description}, and ${guide}` : guide,
      required: true,
    },
  };
}

function response(spec: ResponseSpec, deprecation?: Deprecation): ResponseObject {
  const specs = {
    ...spec.headers,
    ...(deprecation ? deprecationHeaderSpecs(deprecation, spec.headers?.link) : {}),
  };
  const headers = Object.entries(specs).map(
    ([name, { description, required }]) =>
      [name, { description, required: required ?? false, schema: { type: "string" } }] as const,
  );
  return {
    description: spec.description,
    ...(headers.length > 0 ? { headers: Object.fromEntries(headers) } : {}),
    ...(spec.body
      ? {
          content: {
            [spec.contentType ?? MEDIA_TYPE.json]: { schema: responseSchema(spec.body) },
          },
        }
      : {}),
  };
}

function operationObject(operation: Operation, tag: string): OperationObject {
  const responses: OperationObject["responses"] = {};
  const statuses = Object.keys(operation.responses)
    .map(Number)
    .sort((a, b) => a - b);
  for (const status of statuses) {
    const spec = operation.responses[status];
    if (spec) responses[status] = response(spec, operation.deprecation);
  }
  for (const kinds of problemsByStatus(operation)) {
    const first = kinds[0];
    if (first) responses[problemKinds[first].status] = problemResponseRef(kinds);
  }
  const params = [
    ...parameters(operation.params, "path"),
    ...parameters(operation.query, "query"),
    ...headerParameters(operation.requestHeaders),
  ];
  return {
    operationId: operationId(operation),
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [tag],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(operation.body
      ? {
          requestBody: {
            ...(operation.maxBodyBytes
              ? { description: `At most ${operation.maxBodyBytes} bytes.` }
              : {}),
            required: true,
            content: Object.fromEntries(
              (operation.bodyTypes ?? [MEDIA_TYPE.json]).map((type) => [
                type,
                { schema: requestSchema(operation.body as z.ZodType) },
              ]),
            ),
          },
        }
      : {}),
    responses,
    ...(operation.deprecation ? { deprecated: true } : {}),
    ...(operation.auth === "optional" ? { security: OPTIONALLY_IDENTIFIED } : {}),
    ...(operation.publicId
      ? { security: operation.auth === "optional" ? OPTIONAL_TOKEN : WITH_TOKEN }
      : {}),
    ...(operation.bearer ? { security: WITH_BEARER } : {}),
    ...(operation.session ? { security: WITH_SESSION } : {}),
  };
}

/** An operation's problems, those of one status together (one response each). */
function problemsByStatus(operation: Operation): ProblemKind[][] {
  const groups = new Map<number, ProblemKind[]>();
  for (const kind of problemsOf(operation)) {
    const status = problemKinds[kind].status;
    groups.set(status, [...(groups.get(status) ?? []), kind]);
  }
  return [...groups.values()];
}

/** The OpenAPI 3.1 document of these operations, grouped by tag. */
export function buildOpenApiDocument(
  info: DocumentInfo,
  groups: OperationGroup[],
): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const usedProblems = new Map<string, ProblemKind[]>();
  for (const { tag, operations } of groups) {
    for (const operation of operations) {
      const item = paths[operation.path] ?? {};
      paths[operation.path] = item;
      const method = operation.method.toLowerCase() as DocumentMethod;
      const existing = item[method];
      // One operation taught by two lessons is listed once, under both.
      if (existing) {
        if (!existing.tags.includes(tag.name)) existing.tags.push(tag.name);
        continue;
      }
      item[method] = operationObject(operation, tag.name);
      for (const kinds of problemsByStatus(operation))
        usedProblems.set(problemsResponseName(kinds), kinds);
    }
  }
  return {
    openapi: "3.1.1",
    info,
    servers: [{ url: "/", description: "This site" }],
    security: IDENTIFIED,
    tags: groups.map(({ tag }) => tag),
    paths,
    components: {
      schemas: { [PROBLEM_SCHEMA_NAME]: problemSchema() },
      responses: Object.fromEntries(
        [...usedProblems]
          .sort(([a, [x]], [b, [y]]) =>
            x && y && x !== y
              ? problemKinds[x].status - problemKinds[y].status
              : a.localeCompare(b),
          )
          .map(([name, kinds]) => [name, problemResponse(kinds)]),
      ),
      securitySchemes: {
        [KEY_SCHEME]: {
          type: "apiKey",
          in: "header",
          name: "X-Sandbox-Key",
          description: `Your sandbox key (sbx_…). POST /api/sandbox creates a sandbox and answers with it, in the body and in this header.`,
        },
        [COOKIE_SCHEME]: {
          type: "apiKey",
          in: "cookie",
          name: SANDBOX_COOKIE,
          description:
            "The same key, kept by your browser in an httpOnly cookie: it authorizes requests from this site's pages (never a change from another site).",
        },
        [BEARER_SCHEME]: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description:
            "An access token of one of your sandbox's users, from POST /api/v1/auth/login or /auth/refresh: a JWT signed RS256, valid 15 minutes, for your sandbox only. Sent besides your sandbox key, never instead of it.",
        },
        [REALWORLD_SCHEME]: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description:
            "The RealWorld API's own auth: `Authorization: Token <jwt>`, the token its login or registration answers (valid 7 days, for that sandbox's blog only). RealWorld operations are reached by your sandbox's public id in the path, never by its key.",
        },
        [SESSION_SCHEME]: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description:
            "A session of one of your sandbox's users, from POST /api/v1/sessions/login: an opaque token in an httpOnly, SameSite=Lax cookie scoped to /api/v1/sessions. Changes made with it also need the session's CSRF token in X-CSRF-Token. Sent besides your sandbox key, never instead of it.",
        },
      },
    },
  };
}
