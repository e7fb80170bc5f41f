import * as api from "@/lib/blog-api/contract";
import { blogStatistics } from "@/lib/blog-api/service";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/blog/stats — posts per tag, per author per month, and the most commented
const stats = lessonApi.route(api.blogStats, {
  run: ({ caller, ctx }) => blogStatistics({ sandboxId: caller.id, timing: ctx.timing }),
  respond: (stats, { req }) => jsonWithEtag(req, stats),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: stats });
