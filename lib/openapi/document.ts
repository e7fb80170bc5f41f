import type { z } from "zod";
import { MEDIA_TYPE, SAFE_METHODS } from "@/lib/http/constants";
import type { Operation, ResponseSpec } from "@/lib/http/contract";
import { type ProblemKind, problemKinds } from "@/lib/http/problem";
import { SANDBOX_COOKIE } from "@/lib/sandbox/keys";
import { requestSchema, responseSchema } from "./json-schema";
import { operationId } from "./operation-id";
import {
  byStatus,
  PROBLEM_SCHEMA_NAME,
  problemResponse,
  problemResponseName,
  problemResponseRef,
  problemSchema,
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
/** Identified by the key header or, in the browser, the cookie: either will do. */
const IDENTIFIED: SecurityRequirement[] = [{ [KEY_SCHEME]: [] }, { [COOKIE_SCHEME]: [] }];
/** `{}` first: anonymous callers are served too (a key, when sent, is still used). */
const OPTIONALLY_IDENTIFIED: SecurityRequirement[] = [{}, ...IDENTIFIED];

/** The problems an operation can answer: its own, and those its identification brings. */
export function problemsOf(operation: Operation): ProblemKind[] {
  const identified = (operation.auth ?? "required") === "required";
  const kinds: ProblemKind[] = [...(operation.problems ?? [])];
  if (identified) kinds.push("unauthorized");
  // A cookie alone may not authorize a change from another site's page (lib/sandbox/identify.ts).
  if (identified && !SAFE_METHODS.includes(operation.method)) kinds.push("forbidden");
  // Any request that names a sandbox counts against its limit, identification optional or not.
  kinds.push("rate-limited", "internal");
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

function response(spec: ResponseSpec): ResponseObject {
  const headers = Object.entries(spec.headers ?? {}).map(
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
    if (spec) responses[status] = response(spec);
  }
  for (const kind of problemsOf(operation)) {
    responses[problemKinds[kind].status] = problemResponseRef(kind);
  }
  const params = [...parameters(operation.params, "path"), ...parameters(operation.query, "query")];
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
    ...(operation.auth === "optional" ? { security: OPTIONALLY_IDENTIFIED } : {}),
  };
}

/** The OpenAPI 3.1 document of these operations, grouped by tag. */
export function buildOpenApiDocument(
  info: DocumentInfo,
  groups: OperationGroup[],
): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const usedProblems = new Set<ProblemKind>();
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
      for (const kind of problemsOf(operation)) usedProblems.add(kind);
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
        byStatus(usedProblems).map((kind) => [problemResponseName(kind), problemResponse(kind)]),
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
      },
    },
  };
}
