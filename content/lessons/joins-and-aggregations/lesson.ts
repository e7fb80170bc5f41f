import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "joins-and-aggregations",
  title: "Joins and aggregations",
  summary:
    "Put related rows back together and boil them down on a music dataset with a quarter of a million plays: inner and outer joins, GROUP BY and HAVING, aggregates with FILTER, and window functions for running totals, rankings and gaps.",
  objectives: [
    "Join two, three or four tables on their keys, and spot a join that multiplies rows",
    "Use a left join to keep unmatched rows and to find what has no match",
    "Group rows and compute aggregates, and say why a column must be grouped or aggregated",
    "Filter groups with HAVING, and rows with WHERE",
    "Compute running totals, rankings and gaps with window functions (OVER, PARTITION BY, rank, lag)",
  ],
  minutes: 50,
  examples,
  checks,
});
