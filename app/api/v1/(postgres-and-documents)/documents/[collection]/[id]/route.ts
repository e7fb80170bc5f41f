import { HttpProblem } from "@/lib/http/problem";
import * as api from "@/lib/postgres-and-documents/contract";
import {
  type Doc,
  deleteDocument,
  readDocument,
  writeDocument,
} from "@/lib/postgres-and-documents/service";
import { lessonApi } from "@/lib/sandbox/api";

const found = (doc: Doc | undefined, params: { collection: string; id: string }): Doc => {
  if (doc) return doc;
  throw new HttpProblem(
    "not-found",
    `Collection ${params.collection} in your sandbox has no document with _id ${params.id}.`,
  );
};

// GET /api/v1/documents/:collection/:id
const read = lessonApi.route(api.readDocument, {
  span: ["db", "Select the document"],
  run: ({ caller, params }) => readDocument({ sandboxId: caller.id, ...params }),
  respond: (doc, { params }) => Response.json(found(doc, params)),
});

// PUT /api/v1/documents/:collection/:id — the whole new document
const replace = lessonApi.route(api.replaceDocument, {
  span: ["db", "Lock and replace the document"],
  run: ({ caller, params, body }) =>
    writeDocument({ sandboxId: caller.id, ...params, body, merge: false }),
  respond: (doc, { params }) => Response.json(found(doc, params)),
});

// PATCH /api/v1/documents/:collection/:id — a JSON Merge Patch: null removes a field
const patch = lessonApi.route(api.patchDocument, {
  span: ["db", "Lock, merge and update the document"],
  run: ({ caller, params, body }) =>
    writeDocument({ sandboxId: caller.id, ...params, body, merge: true }),
  respond: (doc, { params }) => Response.json(found(doc, params)),
});

// DELETE /api/v1/documents/:collection/:id
const remove = lessonApi.route(api.deleteDocument, {
  span: ["db", "Delete the document"],
  run: ({ caller, params }) => deleteDocument({ sandboxId: caller.id, ...params }),
  respond: (deleted, { params }) => {
    if (!deleted) found(undefined, params);
    return new Response(null, { status: 204 });
  },
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: read,
  PUT: replace,
  PATCH: patch,
  DELETE: remove,
});
