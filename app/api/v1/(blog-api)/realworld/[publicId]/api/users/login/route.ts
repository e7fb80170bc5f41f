import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";
import { clientAddress } from "@/lib/http/client";
import { limitLoginAttempt } from "@/lib/sandbox-users/login-limits";

// POST /api/v1/realworld/{publicId}/api/users/login — the user, with a token
const login = realworldRoute(api.login, {
  run: async ({ req, ctx, caller, body }) => {
    // A public login form: attempts are counted per email and per client address before any
    // password is checked, as the lesson APIs' logins are.
    await ctx.timing.span("limit", "Count the login attempt", () =>
      limitLoginAttempt({
        sandboxId: caller.sandboxId,
        email: body.user.email,
        address: clientAddress(req),
      }),
    );
    return ctx.timing.span("password", "Check the email and password (argon2id)", () =>
      rw.login(caller.sandboxId, body.user),
    );
  },
  respond: (result) => json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  POST: login,
});
