import { HttpProblem } from "@/lib/http/problem";
import * as api from "@/lib/postgres-and-documents/contract";
import {
  dropCollection,
  insertDocument,
  listDocuments,
} from "@/lib/postgres-and-documents/service";
import { lessonApi } from "@/lib/sandbox/api";

// #region insert
// POST /api/v1/documents/:collection — store a JSON document; its first document creates the collection
const insert = lessonApi.route(api.insertDocument, {
  // 3. One INSERT of the whole object into a JSONB column; no schema to migrate first.
  span: ["db", "Insert the document"],
  run: ({ caller, params, body }) =>
    insertDocument({ sandboxId: caller.id, collection: params.collection, body }),
  // 4. 201 Created, with the server-assigned _id and where the document lives.
  respond: (outcome, { params }) => {
    if (!outcome.ok) throw new HttpProblem("conflict", outcome.refused);
    return Response.json(outcome.doc, {
      status: 201,
      headers: { location: `/api/v1/documents/${params.collection}/${String(outcome.doc._id)}` },
    });
  },
});
// #endregion

// GET /api/v1/documents/:collection — the newest documents
const list = lessonApi.route(api.listDocuments, {
  span: ["db", "Select the newest documents"],
  run: ({ caller, params, query }) =>
    listDocuments({ sandboxId: caller.id, collection: params.collection, limit: query.limit }),
  respond: (found) => Response.json(found),
});

// DELETE /api/v1/documents/:collection — the collection and all its documents
const drop = lessonApi.route(api.dropCollection, {
  span: ["db", "Delete the collection's documents"],
  run: ({ caller, params }) =>
    dropCollection({ sandboxId: caller.id, collection: params.collection }),
  respond: () => new Response(null, { status: 204 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: list,
  POST: insert,
  DELETE: drop,
});
