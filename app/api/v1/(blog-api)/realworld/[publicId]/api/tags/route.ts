import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// GET /api/v1/realworld/{publicId}/api/tags — the tags of published articles
const list = realworldRoute(api.listTags, {
  span: ["db", "List the tags"],
  run: ({ caller }) => rw.listTags(caller.sandboxId),
  respond: (result) => json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({ GET: list });
