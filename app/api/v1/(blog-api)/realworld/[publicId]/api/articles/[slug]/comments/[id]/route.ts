import { requireUser } from "@/lib/blog-api/realworld/auth";
import * as api from "@/lib/blog-api/realworld/contract";
import { realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// DELETE /api/v1/realworld/{publicId}/api/articles/{slug}/comments/{id} — yours only
const remove = realworldRoute(api.deleteComment, {
  run: async ({ req, ctx, caller, params }) => {
    const me = await requireUser(req, ctx, caller);
    await ctx.timing.span("db", "Delete the comment", () =>
      rw.deleteComment(caller.sandboxId, me, params.slug, params.id),
    );
  },
  respond: () => new Response(null, { status: 204 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  DELETE: remove,
});
