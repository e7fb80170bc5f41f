import * as api from "@/lib/postgres-and-documents/contract";
import { deleteMatching } from "@/lib/postgres-and-documents/service";
import { lessonApi } from "@/lib/sandbox/api";

// POST /api/v1/documents/:collection/delete — delete what a filter matches
const remove = lessonApi.route(api.deleteMatching, {
  span: ["db", "Delete the matching documents"],
  run: ({ caller, params, body }) =>
    deleteMatching({ sandboxId: caller.id, collection: params.collection, filter: body.filter }),
  respond: (outcome) => Response.json(outcome),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ POST: remove });
