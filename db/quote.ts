/**
 * Quoting for SQL text built from our own names and constant data, never from a request's: an
 * identifier in double quotes, a literal in single quotes (numbers as they are, null as null).
 */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export const quoteLiteral = (value: string | number | null) =>
  value === null
    ? "null"
    : typeof value === "number"
      ? String(value)
      : `'${value.replaceAll("'", "''")}'`;
