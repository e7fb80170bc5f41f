import type { JsonSchema } from "./types";

/** JSON Schema in words, for the API reference: "integer", "array of object", "1–200 characters". */

const asSchema = (value: unknown): JsonSchema | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonSchema)
    : undefined;

const json = (value: unknown) => JSON.stringify(value);

/** The properties of an object schema, each with whether it is required. */
export function propertiesOf(
  schema: JsonSchema,
): { name: string; schema: JsonSchema; required: boolean }[] {
  const properties = asSchema(schema.properties);
  if (!properties) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, value]) => ({
    name,
    schema: asSchema(value) ?? {},
    required: required.has(name),
  }));
}

/** The schema whose properties are listed under this one: itself, or an array's items. */
export function nestedObject(schema: JsonSchema): JsonSchema | undefined {
  if (propertiesOf(schema).length > 0) return schema;
  const items = asSchema(schema.items);
  return items && propertiesOf(items).length > 0 ? items : undefined;
}

/** The type, in a few words. */
export function typeLabel(schema: JsonSchema): string {
  if ("const" in schema) return json(schema.const);
  if (Array.isArray(schema.enum)) return `${schema.type ?? "value"}, one of`;
  const anyOf = Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (anyOf) return anyOf.map((s) => typeLabel(asSchema(s) ?? {})).join(" or ");
  if (Array.isArray(schema.type)) return schema.type.join(" or ");
  switch (schema.type) {
    case "array":
      return `array of ${typeLabel(asSchema(schema.items) ?? {})}`;
    case "object": {
      const values = asSchema(schema.additionalProperties);
      return values ? `map of name → ${typeLabel(values)}` : "object";
    }
    case "string":
      return typeof schema.format === "string" ? `string (${schema.format})` : "string";
    case undefined:
      return "any JSON value";
    default:
      return String(schema.type);
  }
}

function range(min: unknown, max: unknown, unit = ""): string | undefined {
  const lo = typeof min === "number" ? min : undefined;
  const hi = typeof max === "number" ? max : undefined;
  if (lo !== undefined && hi !== undefined) return `${lo}–${hi}${unit}`;
  if (lo !== undefined) return `at least ${lo}${unit}`;
  if (hi !== undefined) return `at most ${hi}${unit}`;
  return undefined;
}

/** The rules a value must follow, each in a few words. */
export function constraints(schema: JsonSchema): string[] {
  const rules: string[] = [];
  const length = range(schema.minLength, schema.maxLength, " characters");
  if (length) rules.push(length);
  const size = range(schema.minItems, schema.maxItems, " items");
  if (size) rules.push(size);
  const bounds = range(schema.minimum, schema.maximum);
  if (bounds) rules.push(bounds);
  if (typeof schema.exclusiveMinimum === "number") rules.push(`above ${schema.exclusiveMinimum}`);
  if (typeof schema.exclusiveMaximum === "number") rules.push(`below ${schema.exclusiveMaximum}`);
  if (typeof schema.pattern === "string") rules.push(`matches ${schema.pattern}`);
  return rules;
}

/** An enum's values, as they are written in JSON. */
export function enumValues(schema: JsonSchema): string[] {
  return Array.isArray(schema.enum) ? schema.enum.map((v) => json(v)) : [];
}

export function defaultValue(schema: JsonSchema): string | undefined {
  return "default" in schema ? json(schema.default) : undefined;
}

export function descriptionOf(schema: JsonSchema): string | undefined {
  return typeof schema.description === "string" ? schema.description : undefined;
}
