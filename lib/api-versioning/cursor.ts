import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/accounts/secret";
import { HttpProblem } from "@/lib/http/problem";

/** Where a page ends, and the filters of the list it belongs to. */
export type CursorState = { after: number; done?: boolean; q?: string };

const SIGNATURE_BYTES = 16;

// One key for cursors, derived from the site's secret: every instance signs and checks alike.
let key: Buffer | undefined;
const cursorKey = () => {
  key ??= createHmac("sha256", authSecret()).update("bmj:todo-cursor:v2").digest();
  return key;
};

const sign = (sandboxId: string, payload: string) =>
  createHmac("sha256", cursorKey())
    .update(`${sandboxId}.${payload}`)
    .digest()
    .subarray(0, SIGNATURE_BYTES);

// #region cursor
/**
 * A cursor is opaque to clients but not secret: base64url JSON of where the page ended and the
 * list's filters, then a MAC over it and the sandbox. A client cannot forge one, edit one, or use
 * one with other filters or in another sandbox: all of those are 400, never a wrong page.
 */
export function encodeCursor(sandboxId: string, { after, done, q }: CursorState): string {
  const payload = Buffer.from(JSON.stringify([after, done ?? null, q ?? null])).toString(
    "base64url",
  );
  return `${payload}.${sign(sandboxId, payload).toString("base64url")}`;
}

export function decodeCursor(
  sandboxId: string,
  cursor: string,
  filters: { done?: boolean; q?: string },
): number {
  const state = verified(sandboxId, cursor);
  if (!state) {
    throw new HttpProblem(
      "invalid-cursor",
      "This cursor was changed, cut short, or issued to another sandbox. Cursors are opaque: send nextCursor exactly as a page gave it, or leave cursor out to start from the first page.",
      { errors: [{ in: "query", field: "cursor", message: "is not a cursor this API issued" }] },
    );
  }
  if (state.done !== filters.done || state.q !== filters.q) {
    throw new HttpProblem(
      "invalid-cursor",
      `This cursor continues a list filtered by ${filtersOf(state)}, not ${filtersOf(filters)}. Send the same filters with it (the Link rel="next" has them), or leave cursor out to start over.`,
      {
        errors: [{ in: "query", field: "cursor", message: "belongs to a list with other filters" }],
      },
    );
  }
  return state.after;
}
// #endregion

function verified(sandboxId: string, cursor: string): CursorState | undefined {
  const [payload, signature, extra] = cursor.split(".");
  if (!payload || !signature || extra !== undefined) return undefined;
  const given = Buffer.from(signature, "base64url");
  const expected = sign(sandboxId, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const [after, done, q] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Number.isSafeInteger(after) || after < 0) return undefined;
    return { after, done: done ?? undefined, q: q ?? undefined };
  } catch {
    return undefined;
  }
}

function filtersOf({ done, q }: { done?: boolean; q?: string }): string {
  const parts = [
    done === undefined ? undefined : `done=${done}`,
    q === undefined ? undefined : `q=${JSON.stringify(q)}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" and ") : "nothing";
}
