import { document } from "@/db/schema/postgres-and-documents";
import { defineLesson } from "@/lib/lessons/define";
import { documentsApi } from "@/lib/postgres-and-documents/contract";
import { seedDocuments } from "@/lib/postgres-and-documents/seed";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "postgres-and-documents",
  title: "Postgres and documents: JSONB with MongoDB's filters",
  summary:
    "A document store in your sandbox: JSON documents in collections, queried with MongoDB's filter language, which the API turns into Postgres jsonpath, bound as a parameter. See the SQL each filter becomes, what a GIN index does for it, and when rows and columns serve you better.",
  objectives: [
    "Say what a document model gives and costs compared with tables, and when each fits",
    "Store JSON in a JSONB column and reach into it with -> / #> and jsonpath",
    "Query with MongoDB's operators ($eq $ne $gt $in $exists $not $and $or) on nested fields and arrays",
    "Explain why a field name in a filter can never change the SQL here, and how a naive translation would be injectable",
    "Choose a GIN index (jsonb_path_ops) and know which filters it can answer",
    "Change part of a document with a JSON Merge Patch (RFC 7396)",
  ],
  minutes: 40,
  api: documentsApi,
  data: { tables: [document], seed: seedDocuments },
  examples,
  checks,
});
