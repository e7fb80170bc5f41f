import {
  constraints,
  defaultValue,
  descriptionOf,
  enumValues,
  nestedObject,
  propertiesOf,
  typeLabel,
} from "@/lib/openapi/describe";
import type { JsonSchema } from "@/lib/openapi/types";

/** Whose schema it is: what a client sends (mark required fields) or receives (mark optional). */
export type SchemaSide = "request" | "response";

const chip =
  "rounded bg-zinc-100 px-1 font-mono text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200";

/**
 * One value in a line: its type, then its rules (allowed values, bounds, default) in words, and
 * what it is underneath. `mark` says "required" or "optional" where that is news.
 */
export function ValueLine({
  name,
  schema,
  mark,
}: {
  name?: string;
  schema: JsonSchema;
  mark?: "required" | "optional";
}) {
  const fallback = defaultValue(schema);
  const description = descriptionOf(schema);
  return (
    <>
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        {name && (
          <code className="font-mono text-[0.8125rem] font-semibold text-zinc-900 dark:text-zinc-100">
            {name}
          </code>
        )}
        <span className="font-mono text-zinc-700 dark:text-zinc-300">{typeLabel(schema)}</span>
        {mark && (
          <span
            className={`font-medium ${mark === "required" ? "text-rose-700 dark:text-rose-400" : ""}`}
          >
            {mark}
          </span>
        )}
        {enumValues(schema).map((value) => (
          <code key={value} className={chip}>
            {value}
          </code>
        ))}
        {constraints(schema).map((rule) => (
          <span key={rule} className="break-all">
            {rule}
          </span>
        ))}
        {fallback && (
          <span>
            default <code className={chip}>{fallback}</code>
          </span>
        )}
      </p>
      {description && (
        <p className="mt-0.5 text-[0.8125rem] text-zinc-600 dark:text-zinc-400">{description}</p>
      )}
    </>
  );
}

function PropertyList({ schema, side }: { schema: JsonSchema; side: SchemaSide }) {
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {propertiesOf(schema).map((property) => {
        const nested = nestedObject(property.schema);
        const mark =
          side === "request"
            ? property.required
              ? "required"
              : undefined
            : property.required
              ? undefined
              : "optional";
        return (
          <li key={property.name} className="py-1.5">
            <ValueLine name={property.name} schema={property.schema} mark={mark} />
            {nested && (
              <div className="mt-1.5 mb-0.5 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
                <PropertyList schema={nested} side={side} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A body's schema as a list of its fields, nested objects indented under their field. */
export function SchemaView({ schema, side }: { schema: JsonSchema; side: SchemaSide }) {
  const object = nestedObject(schema);
  const closed = object?.additionalProperties === false;
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-3 dark:border-zinc-800 dark:bg-zinc-950">
      {object ? (
        <>
          <p className="border-b border-zinc-200 py-1.5 font-mono text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            {typeLabel(schema)}
            {side === "request" && closed && <span className="font-sans"> · no other fields</span>}
          </p>
          <PropertyList schema={object} side={side} />
        </>
      ) : (
        <div className="py-2">
          <ValueLine schema={schema} />
        </div>
      )}
    </div>
  );
}
