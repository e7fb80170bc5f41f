/**
 * The parts of OpenAPI 3.1 this site writes (and the reference page reads), typed just enough to
 * keep the builder honest. Schemas are JSON Schema 2020-12, as z.toJSONSchema writes them.
 */

export type JsonSchema = { [keyword: string]: unknown };

export type Reference = { $ref: string };

export type ExternalDocs = { url: string; description?: string };

export type Tag = { name: string; description?: string; externalDocs?: ExternalDocs };

export type ParameterObject = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

export type MediaTypeObject = { schema: JsonSchema };

export type HeaderObject = { description: string; required?: boolean; schema: JsonSchema };

export type ResponseObject = {
  description: string;
  headers?: Record<string, HeaderObject | Reference>;
  content?: Record<string, MediaTypeObject>;
};

export type RequestBodyObject = {
  description?: string;
  required: boolean;
  content: Record<string, MediaTypeObject>;
};

export type SecurityRequirement = Record<string, string[]>;

export type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject | Reference>;
  /** On its way out: see its responses' Deprecation, Sunset and Link. */
  deprecated?: boolean;
  /** Present only where it differs from the document's (optional identification). */
  security?: SecurityRequirement[];
};

export const DOCUMENT_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type DocumentMethod = (typeof DOCUMENT_METHODS)[number];

export type PathItem = Partial<Record<DocumentMethod, OperationObject>>;

export type SecurityScheme =
  | { type: "apiKey"; in: "header" | "cookie"; name: string; description: string }
  | { type: "http"; scheme: "bearer"; bearerFormat?: string; description: string };

export type OpenApiDocument = {
  openapi: "3.1.1";
  info: { title: string; version: string; summary?: string; description: string };
  servers: { url: string; description?: string }[];
  security: SecurityRequirement[];
  tags: Tag[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, SecurityScheme>;
  };
};

export function isReference(value: object): value is Reference {
  return "$ref" in value && typeof value.$ref === "string";
}
