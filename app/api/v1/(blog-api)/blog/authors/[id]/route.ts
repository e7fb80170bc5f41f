import * as api from "@/lib/blog-api/contract";
import { getAuthor } from "@/lib/blog-api/service";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/blog/authors/:id — one author
const read = lessonApi.route(api.getAuthor, {
  run: ({ caller, params, ctx }) =>
    getAuthor({ sandboxId: caller.id, id: params.id, timing: ctx.timing }),
  respond: (author, { req }) => jsonWithEtag(req, author),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: read });
