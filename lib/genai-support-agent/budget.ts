import { asc, gt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { supportTokenUsage } from "@/db/schema/genai";
import { env } from "@/lib/env";
import { HttpProblem } from "@/lib/http/problem";
import { createLimiter, type Limiter, rateLimitHeaders } from "@/lib/rate-limit";
import { ownedBy } from "@/lib/sandbox/scope";

let limiter: Limiter | undefined;
let limitOverride: number | undefined;

/** Tests set a small budget; undefined goes back to AI_CHAT_LIMIT. */
export function setChatBudgetForTests(limit: number | undefined): void {
  limitOverride = limit;
  limiter = undefined;
}

/**
 * Each sandbox may ask the agent AI_CHAT_LIMIT times an hour (a real model costs money per
 * token); past that, 429 with when to come back.
 */
export async function spendChatBudget(sandboxId: string): Promise<Record<string, string>> {
  const limit = limitOverride ?? env().AI_CHAT_LIMIT;
  limiter ??= createLimiter({ name: "ai-chat", limit, windowSeconds: 3600 });
  const result = await limiter.limit(sandboxId);
  const headers = rateLimitHeaders(result, { name: "ai-chat", windowSeconds: 3600 });
  if (!result.success) {
    throw new HttpProblem(
      "budget-spent",
      `Your sandbox has asked the support agent ${limit} times in the last hour, its budget. Try again in ${headers["retry-after"]} seconds.`,
      { headers },
    );
  }
  return headers;
}

let tokenOverride: number | undefined;

/** Tests set a small token budget; undefined goes back to AI_TOKEN_LIMIT. */
export function setTokenBudgetForTests(limit: number | undefined): void {
  tokenOverride = limit;
}

const HOUR_MS = 3_600_000;

/** Tokens one answer used, as its model reported them. */
export type TokenCount = { input: number; output: number };

/**
 * The hourly token budget, checked before the model is called: the tokens (in + out) of the
 * sandbox's answers in the last hour, a sliding window. When they reach AI_TOKEN_LIMIT, 429 with
 * the seconds until enough of them are an hour old. The request that crosses the limit is still
 * answered (its size is known only afterwards); the next one is refused.
 */
export async function assertTokenBudget(sandboxId: string): Promise<void> {
  const limit = tokenOverride ?? env().AI_TOKEN_LIMIT;
  const db = await getDb();
  const rows = await db
    .select({
      tokens: sql<number>`${supportTokenUsage.inputTokens} + ${supportTokenUsage.outputTokens}`,
      at: supportTokenUsage.at,
    })
    .from(supportTokenUsage)
    .where(
      ownedBy(
        supportTokenUsage,
        sandboxId,
        gt(supportTokenUsage.at, new Date(Date.now() - HOUR_MS)),
      ),
    )
    .orderBy(asc(supportTokenUsage.at));
  let spent = rows.reduce((n, r) => n + Number(r.tokens), 0);
  if (spent < limit) return;
  const used = spent;
  // The oldest answers leave the window first: when enough have left, there is room again.
  let freeAt = Date.now() + HOUR_MS;
  for (const row of rows) {
    spent -= Number(row.tokens);
    if (spent < limit) {
      freeAt = row.at.getTime() + HOUR_MS;
      break;
    }
  }
  const seconds = Math.max(1, Math.ceil((freeAt - Date.now()) / 1000));
  throw new HttpProblem(
    "budget-spent",
    `Your sandbox's support agent used ${used} tokens in the last hour (in + out, as the model counted them); its budget is ${limit}. Try again in ${seconds} seconds.`,
    { headers: { "retry-after": String(seconds) } },
  );
}

/** Adds one answer's tokens to the sandbox's hour. */
export async function recordTokens(sandboxId: string, { input, output }: TokenCount) {
  if (input + output <= 0) return;
  const db = await getDb();
  await db
    .insert(supportTokenUsage)
    .values({ sandboxId, inputTokens: Math.round(input), outputTokens: Math.round(output) });
}
