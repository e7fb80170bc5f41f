import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "transactions-and-procedures",
  title: "Transactions, isolation and stored procedures",
  summary:
    "What a transaction promises (ACID), what each isolation level lets overlapping transactions see, why check-then-write is a race that a conditional write, a constraint or a row lock closes, and stored functions and procedures in SQL and PL/pgSQL.",
  objectives: [
    "Explain atomicity, consistency, isolation and durability with a transfer",
    "Compare read committed, repeatable read and serializable, and the anomalies each allows",
    "Close a check-then-write race with a conditional write, a unique constraint or SELECT … FOR UPDATE",
    "Write a stored function and a PL/pgSQL procedure that refuses bad input",
    "Decide what logic belongs in the database and what in the application",
  ],
  minutes: 50,
  examples,
  checks,
});
