import * as api from "@/lib/blog-api/contract";
import { listTags } from "@/lib/blog-api/service";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/blog/tags — every tag, with how many posts carry it
const list = lessonApi.route(api.listTags, {
  run: ({ caller, ctx }) => listTags({ sandboxId: caller.id, timing: ctx.timing }),
  respond: (data, { req }) => jsonWithEtag(req, { data }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: list });
