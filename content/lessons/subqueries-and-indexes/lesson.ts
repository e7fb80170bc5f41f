import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "subqueries-and-indexes",
  title: "Subqueries and indexes",
  summary:
    "Scalar, IN and EXISTS subqueries and CTEs; then EXPLAIN ANALYZE on a table of a quarter of a million plays before and after an index, composite and partial indexes, and the reasons the planner declines an index.",
  objectives: [
    "Write scalar, IN and correlated EXISTS subqueries, and say why NOT IN and NULL do not mix",
    "Structure a query in named steps with WITH",
    "Read an EXPLAIN ANALYZE plan: nodes, estimated and actual rows, cost and time",
    "Create an index and measure its effect; choose the column order of a composite index",
    "Use partial indexes, and recognise when an index cannot or should not be used",
  ],
  minutes: 55,
  examples,
  checks,
});
