import * as api from "@/lib/postgres-and-documents/contract";
import { findDocuments } from "@/lib/postgres-and-documents/service";
import { lessonApi } from "@/lib/sandbox/api";

// #region find-route
// POST /api/v1/documents/:collection/find — a MongoDB-style query, answered by Postgres
const find = lessonApi.route(api.findDocuments, {
  // 2. The contract has already turned the filter into a jsonpath predicate, or answered 422
  //    naming each operator or value it could not read, and where it was.
  // 3. One SELECT: the predicate is a bound parameter ($3), never part of the SQL text.
  span: ["db", "Select the matching documents"],
  run: ({ caller, params, body }) =>
    findDocuments({ sandboxId: caller.id, collection: params.collection, find: body }),
  // 4. The documents, and the SQL that found them.
  respond: (found) => Response.json(found),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ POST: find });
