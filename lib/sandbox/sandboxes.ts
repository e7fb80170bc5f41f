import { eq } from "drizzle-orm";
import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { lessonProgress, sandbox } from "@/db/schema";
import { env } from "@/lib/env";
import { clientAddress, isHttps } from "@/lib/http/client";
import type { RequestContext } from "@/lib/http/handler";
import { HttpProblem } from "@/lib/http/problem";
import { createLimiter, type Limiter, rateLimitHeaders } from "@/lib/rate-limit";
import {
  hashSandboxKey,
  isSandboxKeyFormat,
  newSandboxKey,
  presentedKey,
  SANDBOX_COOKIE,
  SANDBOX_HEADER,
} from "./keys";
import { lockSandboxForReset } from "./lock";
import { seedSandbox } from "./seed";

// A key's sandbox id never changes (reset keeps it), so the lookup is safe to remember.
const idByKeyHash = new Map<string, string>();
const ID_CACHE_MAX = 10_000;

function remember(keyHash: string, id: string) {
  if (idByKeyHash.size >= ID_CACHE_MAX) idByKeyHash.clear();
  idByKeyHash.set(keyHash, id);
}

export async function idForKey(key: string): Promise<string | undefined> {
  if (!isSandboxKeyFormat(key)) return undefined;
  const keyHash = hashSandboxKey(key);
  const cached = idByKeyHash.get(keyHash);
  if (cached) return cached;
  const db = await getDb();
  const [row] = await db
    .select({ id: sandbox.id })
    .from(sandbox)
    .where(eq(sandbox.keyHash, keyHash))
    .limit(1);
  if (row) remember(keyHash, row.id);
  return row?.id;
}

/** The sandbox a request names, if it names one that exists. Never creates one. */
export async function findSandboxId({ req }: { req: NextRequest }): Promise<string | undefined> {
  const presented = presentedKey(req);
  return presented ? idForKey(presented.key) : undefined;
}

/** A new sandbox with its lesson data seeded; the only time its key is known in clear. */
export async function createSandbox(): Promise<{ id: string; key: string }> {
  const db = await getDb();
  const key = newSandboxKey();
  const keyHash = hashSandboxKey(key);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(sandbox).values({ keyHash }).returning({ id: sandbox.id });
    if (!row) throw new Error("sandbox insert returned no row");
    await seedSandbox(tx, row.id);
    return row.id;
  });
  remember(keyHash, id);
  return { id, key };
}

/** Wipes every lesson's data and the request log, then seeds again. Progress is kept. */
export async function resetSandbox({ sandboxId }: { sandboxId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockSandboxForReset(tx, sandboxId);
    const [row] = await tx.select().from(sandbox).where(eq(sandbox.id, sandboxId));
    if (!row) throw new HttpProblem("not-found", "This sandbox no longer exists.");
    const progress = await tx
      .select()
      .from(lessonProgress)
      .where(eq(lessonProgress.sandboxId, sandboxId));
    // Every lesson table references the sandbox with ON DELETE CASCADE, so deleting the row and
    // putting it back wipes them all, including tables added by later lessons.
    await tx.delete(sandbox).where(eq(sandbox.id, sandboxId));
    await tx.insert(sandbox).values(row);
    if (progress.length > 0) await tx.insert(lessonProgress).values(progress);
    await seedSandbox(tx, sandboxId);
  });
}

const limiters: { create?: Limiter; requests?: Limiter } = {};

export function sandboxCookie(req: Request, key: string): string {
  const secure = isHttps(req) ? "; Secure" : "";
  return `${SANDBOX_COOKIE}=${key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}`;
}

/**
 * The request's sandbox. A browser without one gets a new sandbox in a cookie; curl gets it in
 * the X-Sandbox-Key response header. A key sent in the header must exist: silently starting an
 * empty sandbox would look like lost data. Creation is rate limited per client address, and
 * every request per sandbox, so a public deployment survives a runaway script.
 */
export async function resolveSandbox(
  req: NextRequest,
  ctx: RequestContext,
): Promise<{ id: string; key: string; created: boolean }> {
  const sandbox = await ctx.timing.span("sandbox", "Identify your sandbox", () =>
    identifyOrCreate(req, ctx),
  );
  ctx.sandboxId = sandbox.id;
  await ctx.timing.span("ratelimit", "Check your request rate", () =>
    limitRequests(sandbox.id, ctx),
  );
  return sandbox;
}

async function identifyOrCreate(req: NextRequest, ctx: RequestContext) {
  const presented = presentedKey(req);
  const existing = presented ? await idForKey(presented.key) : undefined;
  if (presented && existing) return { id: existing, key: presented.key, created: false };
  if (presented?.from === "header") {
    throw new HttpProblem(
      "invalid-sandbox-key",
      `No sandbox has the key in ${SANDBOX_HEADER}. Copy yours from /sandbox, or send no key to get a new sandbox.`,
      { headers: { "www-authenticate": `SandboxKey header="${SANDBOX_HEADER}"` } },
    );
  }
  limiters.create ??= createLimiter({
    name: "sandbox-create",
    limit: env().SANDBOX_CREATE_LIMIT,
    windowSeconds: 3600,
  });
  const limit = await limiters.create.limit(clientAddress(req));
  if (!limit.success) {
    throw new HttpProblem(
      "rate-limited",
      "Too many new sandboxes from your address. Reuse the key you have (send it in X-Sandbox-Key).",
      { headers: rateLimitHeaders(limit) },
    );
  }
  const created = await createSandbox();
  ctx.headers.append("set-cookie", sandboxCookie(req, created.key));
  ctx.headers.set(SANDBOX_HEADER, created.key);
  return { ...created, created: true };
}

async function limitRequests(sandboxId: string, ctx: RequestContext): Promise<void> {
  limiters.requests ??= createLimiter({
    name: "sandbox-requests",
    limit: env().SANDBOX_REQUEST_LIMIT,
    windowSeconds: 60,
  });
  const limit = await limiters.requests.limit(sandboxId);
  const headers = rateLimitHeaders(limit);
  for (const [name, value] of Object.entries(headers)) ctx.headers.set(name, value);
  if (!limit.success) {
    throw new HttpProblem(
      "rate-limited",
      `Your sandbox sent more than ${limit.limit} requests this minute. Wait ${headers["retry-after"]} s (Retry-After), then go on.`,
    );
  }
}
