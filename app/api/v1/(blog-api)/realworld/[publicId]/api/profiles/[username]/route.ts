import { userOf } from "@/lib/blog-api/realworld/auth";
import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// GET /api/v1/realworld/{publicId}/api/profiles/{username}
const show = realworldRoute(api.getProfile, {
  run: async ({ req, ctx, caller, params }) => {
    const me = await userOf(req, ctx, caller, "optional");
    return ctx.timing.span("db", "Read the profile", () =>
      rw.getProfile(caller.sandboxId, params.username, me),
    );
  },
  respond: (result) => json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({ GET: show });
