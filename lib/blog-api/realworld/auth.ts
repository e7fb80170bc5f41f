import type { BlogAuthor } from "@/db/schema/blog-api";
import { HttpProblem } from "@/lib/http/problem";
import type { RequestContext } from "@/lib/http/route";
import type { RealworldCaller } from "./http";
import { authorOf } from "./service";
import { verifyToken } from "./token";

const CHALLENGE = { "www-authenticate": 'Token realm="realworld"' };

// #region token-auth
/**
 * The blog's user that `Authorization: Token <jwt>` names (RealWorld's scheme; `Bearer` is taken
 * too). No header: undefined when the operation allows that, else 401. A header that is not a
 * valid token of this blog is always 401, never silently anonymous.
 */
export async function userOf(
  req: Request,
  ctx: RequestContext,
  caller: RealworldCaller,
  need: "required" | "optional",
): Promise<BlogAuthor | undefined> {
  const header = req.headers.get("authorization");
  if (!header) {
    if (need === "optional") return undefined;
    throw new HttpProblem(
      "token-required",
      "Log in first: send Authorization: Token <token>, the token POST /users/login or POST /users answered.",
      { headers: CHALLENGE, errors: [{ in: "header", field: "token", message: "is missing" }] },
    );
  }
  const token = /^(?:Token|Bearer) +([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(header.trim())?.[1];
  const author = await ctx.timing.span("auth", "Verify the RealWorld token", async () => {
    const claims = token ? await verifyToken(caller.sandboxId, token) : undefined;
    return claims ? authorOf(caller.sandboxId, claims) : undefined;
  });
  if (!author) {
    throw new HttpProblem(
      "invalid-token",
      "The token is not valid for this blog: malformed, expired, another blog's, or its user is gone (a sandbox reset removes them). Log in again.",
      {
        headers: { "www-authenticate": 'Token realm="realworld", error="invalid_token"' },
        errors: [{ in: "header", field: "token", message: "is invalid" }],
      },
    );
  }
  return author;
}
// #endregion

export async function requireUser(
  req: Request,
  ctx: RequestContext,
  caller: RealworldCaller,
): Promise<BlogAuthor> {
  return (await userOf(req, ctx, caller, "required")) as BlogAuthor;
}
