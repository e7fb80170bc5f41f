import * as api from "@/lib/jwt-auth/contract";
import { tokenPair } from "@/lib/jwt-auth/service";
import { type Rotation, rotateRefreshToken } from "@/lib/jwt-auth/sessions";
import { invalidToken } from "@/lib/jwt-auth/tokens";
import { lessonApi } from "@/lib/sandbox/api";

const REFUSED: Record<Exclude<Rotation["outcome"], "rotated">, [detail: string, short: string]> = {
  unknown: [
    "No session in your sandbox has this refresh token: it was never issued here, or its session was deleted (a reset, or logins beyond the ten kept). Log in again.",
    "unknown refresh token",
  ],
  expired: [
    "This refresh token expired (they last 7 days). Log in again.",
    "the refresh token expired",
  ],
  revoked: [
    "This refresh token's session has ended (a logout, or a refresh token used twice). Log in again.",
    "the session has ended",
  ],
  reused: [
    "This refresh token was already used. Only a thief or a confused client sends one twice, and the server cannot tell which, so the whole session is now revoked: every refresh and access token of it. Log in again.",
    "refresh token reused; the session is revoked",
  ],
};

// POST /api/v1/auth/refresh — exchange a refresh token for a new pair
const refresh = lessonApi.route(api.refresh, {
  // 3. Use up the token and issue the next; a used one revokes its whole session instead.
  span: ["db", "Rotate the refresh token"],
  run: ({ caller, body }) => rotateRefreshToken({ sandboxId: caller.id, token: body.refreshToken }),
  respond: async (rotation, { caller }) => {
    // 4. Refused: 401, saying why (the revocation above is committed already).
    if (rotation.outcome !== "rotated") throw invalidToken(...REFUSED[rotation.outcome]);
    // 5. A new access token for the same session, and the new refresh token.
    return Response.json(await tokenPair({ sandboxId: caller.id, ...rotation }));
  },
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  POST: refresh,
});
