import { z } from "zod";
import type { JsonSchema } from "./types";

/**
 * Contract schemas as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), with zod's own
 * z.toJSONSchema: requests as the client sends them (io "input"), responses as the server sends
 * them (io "output"). Then a few rewrites so the document reads the way a person would write it.
 */

type Io = "input" | "output";

/** A path or query value of digits only (lib/http/fields.ts `wholeNumber`). */
const DIGITS_PATTERN = /^\^(-\?)?\\d(\{\d+(,\d*)?\}|\+)\$$/;

/** Formats of JSON Schema 2020-12; zod writes a few of its own ("starts_with") that are not. */
const KNOWN_FORMATS = new Set([
  "date-time",
  "date",
  "time",
  "duration",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "uri",
  "uri-reference",
  "uuid",
  "regex",
]);

/** Formats that say all zod's long generated pattern says, more readably. */
const FORMATS_OVER_PATTERNS = new Set(["date-time", "date", "time", "uuid", "email"]);

type OverrideContext = Parameters<NonNullable<z.core.ToJSONSchemaParams["override"]>>[0];

/**
 * A digits-only string piped into a bounded number is, on the wire, an integer with those bounds:
 * `?page=2`. Documenting it as `integer` (minimum, maximum) says what a client may send.
 */
function wholeNumberAsInteger({ zodSchema, jsonSchema }: OverrideContext): void {
  const def = zodSchema._zod.def;
  if (def.type !== "pipe") return;
  const { out } = def as z.core.$ZodPipeDef;
  if (out._zod.def.type !== "number") return;
  if (typeof jsonSchema.pattern !== "string" || !DIGITS_PATTERN.test(jsonSchema.pattern)) return;
  const bounds = z.toJSONSchema(out, { io: "output" });
  delete jsonSchema.pattern;
  jsonSchema.type = "integer";
  if (bounds.minimum !== undefined) jsonSchema.minimum = bounds.minimum;
  if (bounds.maximum !== undefined) jsonSchema.maximum = bounds.maximum;
}

/** zod leaves out a default whose value is the piped output (a number for a digits string). */
function defaultsAsSent({ zodSchema, jsonSchema }: OverrideContext): void {
  const def = zodSchema._zod.def;
  if (def.type !== "default" || "default" in jsonSchema) return;
  const value = (def as z.core.$ZodDefaultDef).defaultValue;
  if (["string", "number", "boolean"].includes(typeof value)) jsonSchema.default = value;
}

function convert(schema: z.ZodType, io: Io): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "throw",
    override: (ctx) => {
      if (io === "input") {
        wholeNumberAsInteger(ctx);
        defaultsAsSent(ctx);
      }
    },
  }) as JsonSchema;
  // The document's dialect is already 2020-12 (OpenAPI 3.1): no $schema in every schema.
  delete json.$schema;
  return tidy(json);
}

/** A request's path params, query or body, as the client sends it. */
export function requestSchema(schema: z.ZodType): JsonSchema {
  return convert(schema, "input");
}

/** A response body, as the server sends it. */
export function responseSchema(schema: z.ZodType): JsonSchema {
  return convert(schema, "output");
}

const SCHEMA_KEYWORDS = [
  "items",
  "additionalProperties",
  "propertyNames",
  "not",
  "contains",
  "if",
  "then",
  "else",
];
const SCHEMA_LIST_KEYWORDS = ["anyOf", "allOf", "oneOf", "prefixItems"];
const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "$defs"];

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Drops what says nothing to a reader: JavaScript's safe-integer bounds, zod's own formats. */
function tidy(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (typeof out.format === "string") {
    if (!KNOWN_FORMATS.has(out.format)) delete out.format;
    else if (FORMATS_OVER_PATTERNS.has(out.format)) delete out.pattern;
  }
  if (out.type === "integer") {
    if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
    if (out.minimum === Number.MIN_SAFE_INTEGER) delete out.minimum;
    if (typeof out.exclusiveMinimum === "number" && Number.isInteger(out.exclusiveMinimum)) {
      out.minimum = out.exclusiveMinimum + 1;
      delete out.exclusiveMinimum;
    }
  }
  for (const keyword of SCHEMA_KEYWORDS) {
    const value = out[keyword];
    if (isSchema(value)) out[keyword] = tidy(value);
  }
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    const value = out[keyword];
    if (Array.isArray(value)) out[keyword] = value.map((s) => (isSchema(s) ? tidy(s) : s));
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const value = out[keyword];
    if (isSchema(value)) {
      out[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, isSchema(s) ? tidy(s) : s]),
      );
    }
  }
  return out;
}
