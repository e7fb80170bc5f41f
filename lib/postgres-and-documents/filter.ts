/**
 * MongoDB's query filter language, translated into one SQL/JSON path predicate (Postgres'
 * `jsonpath`, SQL:2016) that the query tests with `body @@ $3::jsonpath`. The predicate travels as
 * a bound parameter, never in the SQL text, and every field name and value inside it is quoted as
 * a JSON string or written as a JSON literal, so no input can change the query's shape. Path
 * predicates in `lax` mode (the default) look into arrays by themselves: `tags == "sql"` holds
 * when any element of `tags` is "sql", as `{ tags: "sql" }` does in MongoDB.
 */

export const COMPARISONS = ["$eq", "$ne", "$gt", "$gte", "$lt", "$lte"] as const;
export const FIELD_OPERATORS = [...COMPARISONS, "$in", "$nin", "$exists", "$not"] as const;
export const LOGICAL_OPERATORS = ["$and", "$or"] as const;

/** How deep a filter may nest ($and in $or in $not …), how many conditions, how long a list. */
export const FILTER_LIMITS = { depth: 8, conditions: 50, listItems: 100, pathSegments: 10 };

export type FilterIssue = { path: Array<string | number>; message: string };

type Scalar = string | number | boolean | null;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isScalar = (v: unknown): v is Scalar =>
  v === null ||
  typeof v === "string" ||
  typeof v === "boolean" ||
  (typeof v === "number" && Number.isFinite(v));

const kindOf = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "an array" : isPlainObject(v) ? "an object" : typeof v;

/** A JSON value as a jsonpath literal: JSON's own spelling is valid jsonpath for scalars. */
const literal = (v: Scalar) => JSON.stringify(v);

// #region path
/** `a.b.0` as `$."a"."b"[0]`: every name quoted, so none can be read as jsonpath syntax. */
function pathOf(field: string): string {
  return `$${field
    .split(".")
    .map((part) => (/^\d{1,6}$/.test(part) ? `[${part}]` : `.${JSON.stringify(part)}`))
    .join("")}`;
}
// #endregion

class Compiler {
  issues: FilterIssue[] = [];
  private conditions = 0;

  private fail(path: Array<string | number>, message: string): string {
    this.issues.push({ path, message });
    return "false";
  }

  /** A whole filter object: every entry must hold (an implicit $and). */
  filter(value: unknown, at: Array<string | number>, depth: number): string {
    if (!isPlainObject(value)) {
      return this.fail(at, `must be an object of conditions, not ${kindOf(value)}`);
    }
    if (depth > FILTER_LIMITS.depth) {
      return this.fail(at, `nests deeper than ${FILTER_LIMITS.depth} levels`);
    }
    const parts = Object.entries(value).map(([key, condition]) => {
      if (++this.conditions > FILTER_LIMITS.conditions) {
        return this.fail(
          [...at, key],
          `is one condition too many: at most ${FILTER_LIMITS.conditions}`,
        );
      }
      if (key.startsWith("$")) return this.logical(key, condition, [...at, key], depth);
      return this.field(key, condition, [...at, key], depth);
    });
    if (parts.length === 0) return "true";
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" && ")})`;
  }

  private logical(op: string, value: unknown, at: Array<string | number>, depth: number): string {
    if (!(LOGICAL_OPERATORS as readonly string[]).includes(op)) {
      const hint = (FIELD_OPERATORS as readonly string[]).includes(op)
        ? `; ${op} applies to a field: { "price": { "${op}": … } }`
        : `; at the top of a filter use ${LOGICAL_OPERATORS.join(" or ")}`;
      return this.fail(at, `is not an operator here${hint}`);
    }
    if (!Array.isArray(value) || value.length === 0) {
      return this.fail(at, "must be a non-empty array of filters");
    }
    if (value.length > FILTER_LIMITS.listItems) {
      return this.fail(at, `has more than ${FILTER_LIMITS.listItems} filters`);
    }
    const parts = value.map((f, i) => this.filter(f, [...at, i], depth + 1));
    return `(${parts.join(op === "$and" ? " && " : " || ")})`;
  }

  private field(name: string, condition: unknown, at: Array<string | number>, depth: number) {
    const segments = name.split(".");
    if (segments.some((s) => s === "")) {
      return this.fail(at, "is not a field path: empty name between dots");
    }
    if (segments.length > FILTER_LIMITS.pathSegments) {
      return this.fail(at, `is a path of more than ${FILTER_LIMITS.pathSegments} names`);
    }
    const path = pathOf(name);
    // { field: { $op: … } } is a set of operators; { field: value } means { $eq: value }.
    if (isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith("$"))) {
      return this.operators(path, condition, at, depth);
    }
    return this.comparison(path, "$eq", condition, at);
  }

  /** Every operator of `{ $gt: 1, $lt: 9 }` must hold. */
  private operators(
    path: string,
    ops: Record<string, unknown>,
    at: Array<string | number>,
    depth: number,
  ): string {
    if (depth > FILTER_LIMITS.depth) {
      return this.fail(at, `nests deeper than ${FILTER_LIMITS.depth} levels`);
    }
    const parts = Object.entries(ops).map(([op, operand]) => {
      const where = [...at, op];
      if (!op.startsWith("$")) {
        return this.fail(
          where,
          "mixes a field name with operators: an object is either all operators or a value",
        );
      }
      if ((COMPARISONS as readonly string[]).includes(op)) {
        return this.comparison(path, op as (typeof COMPARISONS)[number], operand, where);
      }
      if (op === "$in" || op === "$nin") return this.membership(path, op, operand, where);
      if (op === "$exists") {
        if (typeof operand !== "boolean") return this.fail(where, "must be true or false");
        return operand ? `exists(${path})` : `!exists(${path})`;
      }
      if (op === "$not") {
        if (!isPlainObject(operand) || !Object.keys(operand).every((k) => k.startsWith("$"))) {
          return this.fail(where, 'must be an object of operators, e.g. { "$gt": 5 }');
        }
        return `!(${this.operators(path, operand, where, depth + 1)})`;
      }
      const hint = (LOGICAL_OPERATORS as readonly string[]).includes(op)
        ? `; ${op} goes at the top of a filter, around whole filters`
        : `; use one of ${FIELD_OPERATORS.join(", ")}`;
      return this.fail(where, `is not an operator here${hint}`);
    });
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" && ")})`;
  }

  private comparison(
    path: string,
    op: (typeof COMPARISONS)[number],
    operand: unknown,
    at: Array<string | number>,
  ): string {
    if (!isScalar(operand)) {
      return this.fail(
        at,
        `compares with a string, number, boolean or null, not ${kindOf(operand)}; to match inside an object or array, name the field with a dotted path`,
      );
    }
    if (op === "$eq") return equals(path, operand);
    if (op === "$ne") return `!(${equals(path, operand)})`;
    if (operand === null || typeof operand === "boolean") {
      return this.fail(at, `orders numbers or strings, not ${kindOf(operand)}`);
    }
    const symbol = { $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" }[op];
    return `exists(${path} ? (@ ${symbol} ${literal(operand)}))`;
  }

  private membership(path: string, op: "$in" | "$nin", list: unknown, at: Array<string | number>) {
    if (!Array.isArray(list)) return this.fail(at, "must be an array of values");
    if (list.length > FILTER_LIMITS.listItems) {
      return this.fail(at, `has more than ${FILTER_LIMITS.listItems} values`);
    }
    const bad = list.findIndex((v) => !isScalar(v));
    if (bad >= 0) {
      return this.fail([...at, bad], "must be a string, number, boolean or null");
    }
    if (list.length === 0) return op === "$in" ? "false" : "true";
    const any = `(${(list as Scalar[]).map((v) => equals(path, v)).join(" || ")})`;
    return op === "$in" ? any : `!${any}`;
  }
}

/**
 * Equality as MongoDB means it: any element of an array counts, and null matches a field that is
 * null or missing. Every comparison is written `exists(path ? (@ == value))`, "some value at the
 * path passes the test", which is plainly true or false. A bare `path == value` is "unknown" when
 * the types differ (a string against a number), and `!unknown` stays unknown, so `$ne: 5` would
 * miss a document whose field is "five"; MongoDB matches it. Both forms can use the GIN index.
 */
// #region equals
function equals(path: string, value: Scalar): string {
  if (value === null) return `(exists(${path} ? (@ == null)) || !exists(${path}))`;
  return `exists(${path} ? (@ == ${literal(value)}))`;
}
// #endregion

/**
 * The filter as a jsonpath predicate, or the problems in it, each with its path in the filter.
 * An empty filter `{}` matches every document: no predicate.
 */
export function compileFilter(
  filter: unknown,
  at: Array<string | number> = [],
): { predicate: string | null; issues: FilterIssue[] } {
  const compiler = new Compiler();
  const predicate = compiler.filter(filter, at, 1);
  if (compiler.issues.length > 0) return { predicate: null, issues: compiler.issues };
  return { predicate: predicate === "true" ? null : predicate, issues: [] };
}
