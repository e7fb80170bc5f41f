import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// POST /api/v1/realworld/{publicId}/api/users/login — the user, with a token
const login = realworldRoute(api.login, {
  span: ["db", "Check the email and password"],
  run: ({ caller, body }) => rw.login(caller.sandboxId, body.user),
  respond: (result) => json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  POST: login,
});
