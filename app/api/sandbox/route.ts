import { accountSandbox } from "@/lib/accounts/sandbox";
import { signedInUser } from "@/lib/accounts/session";
import { realworldFieldsOf } from "@/lib/blog-api/realworld/site";
import { env } from "@/lib/env";
import { clientLimitKey } from "@/lib/http/client";
import { isCrossOrigin, requestOrigin } from "@/lib/http/origin";
import { HttpProblem } from "@/lib/http/problem";
import { createLimiter, type Limiter, rateLimitHeaders } from "@/lib/rate-limit";
import { portalApi } from "@/lib/sandbox/api";
import * as api from "@/lib/sandbox/contract";
import { sandboxCookie } from "@/lib/sandbox/cookie";
import { SANDBOX_HEADER } from "@/lib/sandbox/keys";
import { createSandbox } from "@/lib/sandbox/lifecycle";
import { countRequestLog } from "@/lib/sandbox/request-log";

let createLimit: Limiter | undefined;

/** New sandboxes per client address (an IPv6 client: per /64) per hour: a script cannot fill the database with them. */
async function limitCreation(req: Request) {
  createLimit ??= createLimiter({
    name: "sandbox-create",
    limit: env().SANDBOX_CREATE_LIMIT,
    windowSeconds: 3600,
  });
  const limit = await createLimit.limit(clientLimitKey(req));
  if (!limit.success) {
    throw new HttpProblem(
      "rate-limited",
      "Too many new sandboxes from your address. Reuse the key you have (send it in X-Sandbox-Key).",
      { headers: rateLimitHeaders(limit, { name: "sandbox-create", windowSeconds: 3600 }) },
    );
  }
}

// GET /api/sandbox — your sandbox and its key; 404 until you have one (looking creates nothing)
const show = portalApi.route(api.showSandbox, {
  run: async ({ req, caller }) => {
    if (!caller) {
      throw new HttpProblem(
        "not-found",
        "You have no sandbox yet. POST /api/sandbox creates one (a lesson's console does it when you first send a request).",
      );
    }
    const [requests, realworld] = await Promise.all([
      countRequestLog({ sandboxId: caller.id }),
      realworldFieldsOf(caller.id, requestOrigin(req)),
    ]);
    return { ...caller, requests, realworld };
  },
  respond: ({ id, key, requests, realworld }) =>
    Response.json({ id, key, created: false, requests, ...realworld }),
});

// POST /api/sandbox — create your sandbox, unless you already have one
const create = portalApi.route(api.createSandbox, {
  run: async ({ req, ctx, caller }) => {
    if (caller)
      return {
        ...caller,
        created: false,
        requests: await countRequestLog({ sandboxId: caller.id }),
        realworld: await realworldFieldsOf(caller.id, requestOrigin(req)),
      };
    // Only the learner creates their sandbox: never another site's page on their behalf (it
    // would replace their cookie, and their sandbox with it).
    if (isCrossOrigin(req)) {
      throw new HttpProblem(
        "forbidden",
        "Sandboxes are created from this site or with curl, not from another site's page.",
      );
    }
    await ctx.timing.span("ratelimit", "Check new sandboxes from your address", () =>
      limitCreation(req),
    );
    // A signed-in learner's sandbox is their account's, on every device (identification would
    // have found it if the account had one already).
    const me = await signedInUser(req.headers);
    const sandbox = await ctx.timing.span("db", "Create and seed your sandbox", async () => {
      const mine = me && (await accountSandbox({ userId: me.id, create: true }));
      return mine || { ...(await createSandbox()), created: true };
    });
    ctx.headers.append("set-cookie", sandboxCookie(req, sandbox.key));
    ctx.headers.set(SANDBOX_HEADER, sandbox.key);
    const realworld = await realworldFieldsOf(sandbox.id, requestOrigin(req));
    if (!sandbox.created) {
      return {
        ...sandbox,
        requests: await countRequestLog({ sandboxId: sandbox.id }),
        realworld,
      };
    }
    return { id: sandbox.id, key: sandbox.key, created: true, requests: 0, realworld };
  },
  respond: ({ id, key, created, requests, realworld }) =>
    Response.json({ id, key, created, requests, ...realworld }, { status: created ? 201 : 200 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = portalApi.methods({
  GET: show,
  POST: create,
});
