import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// POST /api/v1/realworld/{publicId}/api/users — register (RealWorld: 201 and the user)
const register = realworldRoute(api.register, {
  span: ["db", "Register the user"],
  run: ({ caller, body }) => rw.register(caller.sandboxId, body.user),
  respond: (result) => json(result, 201),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  POST: register,
});
