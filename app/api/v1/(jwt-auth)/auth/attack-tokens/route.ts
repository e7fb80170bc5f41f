import { attackTokens } from "@/lib/jwt-auth/attacks";
import { authenticate, bearerTokenOf } from "@/lib/jwt-auth/bearer";
import * as api from "@/lib/jwt-auth/contract";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/auth/attack-tokens — forged variants of your access token, for the lesson's lab
const attacks = lessonApi.route(api.attackTokens, {
  run: async ({ req, ctx, caller }) => {
    // 3. Only for a valid token of your sandbox: the variants are made from it.
    await authenticate({ req, ctx, sandboxId: caller.id });
    return ctx.timing.span("forge", "Forge the attack tokens", () =>
      attackTokens(bearerTokenOf(req)),
    );
  },
  respond: (tokens) => Response.json(tokens),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: attacks,
});
