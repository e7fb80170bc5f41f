import * as api from "@/lib/authn-and-authz/contract";
import { accountView } from "@/lib/jwt-auth/service";
import { lessonApi } from "@/lib/sandbox/api";
import { createAccount } from "@/lib/sandbox-users/service";

// The kit identifies your sandbox (X-Sandbox-Key or the cookie) and validates the body first.

// POST /api/v1/sessions/register — register a user in your sandbox
const register = lessonApi.route(api.register, {
  // 3. Hash the password (argon2id) and insert the user; 409 if the email is taken.
  span: ["db", "Hash the password and insert the user"],
  run: ({ caller, body }) => createAccount({ sandboxId: caller.id, ...body }),
  // 4. 201 Created: the user, never its password or hash. Registering logs nobody in.
  respond: (row) => Response.json(accountView(row), { status: 201 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  POST: register,
});
