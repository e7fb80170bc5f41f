import type { Check } from "@/lib/lessons/checks";
import { ran, type SqlFeature, sqlScripts } from "@/lib/lessons/sql-statements";

const selected = (id: string, title: string, hint: string, features: SqlFeature[]): Check => ({
  id,
  title,
  hint,
  test: ({ log }) =>
    sqlScripts(log).some((script) => script.some((s) => ran(s, "SELECT", features))),
});

/**
 * What "Check my work" looks for after joins and aggregations: successful SELECTs using each
 * technique, read from the `statement` spans of the request log (never the SQL text).
 */
export const checks: Check[] = [
  selected(
    "joined-and-grouped",
    "You joined tables and grouped the result",
    "Count something per group across two tables: a JOIN and a GROUP BY in one SELECT.",
    ["join", "group-by"],
  ),
  selected(
    "outer-join",
    "You kept unmatched rows with an outer join",
    "Use a LEFT JOIN, for example to find rows with no match on the other side.",
    ["outer-join"],
  ),
  selected(
    "having",
    "You filtered groups with HAVING",
    "A condition on an aggregate (count, sum…) goes after GROUP BY.",
    ["group-by", "having"],
  ),
  selected(
    "window",
    "You used a window function",
    "An aggregate or ranking function with OVER (…): a running total, row_number(), rank() or lag().",
    ["window"],
  ),
];
