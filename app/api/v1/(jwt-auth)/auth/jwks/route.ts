import * as api from "@/lib/jwt-auth/contract";
import { signingKeys } from "@/lib/jwt-auth/keys";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/auth/jwks — the public key that verifies access tokens, for anyone
const jwks = lessonApi.route(api.jwks, {
  run: async () => (await signingKeys()).publicJwk,
  // A public key is no secret: anyone may fetch it, and caches may keep it for a while.
  respond: (key) =>
    Response.json({ keys: [key] }, { headers: { "cache-control": "public, max-age=300" } }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: jwks });
