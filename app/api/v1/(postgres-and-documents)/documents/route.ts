import * as api from "@/lib/postgres-and-documents/contract";
import { listCollections } from "@/lib/postgres-and-documents/service";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/documents — your collections, with their sizes
const list = lessonApi.route(api.listCollections, {
  span: ["db", "Count documents per collection"],
  run: ({ caller }) => listCollections(caller.id),
  respond: (collections) => Response.json(collections),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: list });
