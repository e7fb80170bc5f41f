import { clientAddress } from "@/lib/http/client";
import { HttpProblem } from "@/lib/http/problem";
import { bearerChallenge } from "@/lib/jwt-auth/challenge";
import * as api from "@/lib/jwt-auth/contract";
import { tokenPair } from "@/lib/jwt-auth/service";
import { startSession } from "@/lib/jwt-auth/sessions";
import { lessonApi } from "@/lib/sandbox/api";
import { limitLoginAttempt } from "@/lib/sandbox-users/login-limits";
import { checkCredentials } from "@/lib/sandbox-users/service";

// #region login
// POST /api/v1/auth/login — log in as one of your sandbox's users
const login = lessonApi.route(api.login, {
  run: async ({ req, ctx, caller, body }) => {
    const sandboxId = caller.id;
    // 3. Count the attempt, per email and per client address, before any password is checked.
    await ctx.timing.span("limit", "Count the login attempt", () =>
      limitLoginAttempt({ sandboxId, email: body.email, address: clientAddress(req) }),
    );
    // 4. One argon2id verification, whether or not the email has an account.
    const found = await ctx.timing.span("password", "Check the password (argon2id)", () =>
      checkCredentials({ sandboxId, ...body }),
    );
    // 5. The same answer for an unknown email and a wrong password.
    if (!found) {
      throw new HttpProblem(
        "invalid-credentials",
        "No account in your sandbox has that email and password.",
        { headers: bearerChallenge() },
      );
    }
    // 6. A new session (token family) with its first refresh token, then the access token.
    const session = await ctx.timing.span("db", "Start a session", () =>
      startSession({ sandboxId, accountId: found.id }),
    );
    return ctx.timing.span("sign", "Sign the access token", () =>
      tokenPair({ sandboxId, account: found, ...session }),
    );
  },
  // 7. 200 with both tokens; the kit adds Cache-Control: no-store.
  respond: (pair) => Response.json(pair),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  POST: login,
});
