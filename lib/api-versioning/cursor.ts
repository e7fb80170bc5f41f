import { authSecret } from "@/lib/accounts/secret";
import { HttpProblem } from "@/lib/http/problem";
import { derivedKey, signedCursors } from "@/lib/http/signed-cursor";

/** Where a page ends, and the filters of the list it belongs to. */
export type CursorState = { after: number; done?: boolean; q?: string };

// One key for cursors, derived from the site's secret: every instance signs and checks alike.
let key: Buffer | undefined;
const cursors = signedCursors(() => {
  key ??= derivedKey(authSecret(), "bmj:todo-cursor:v2");
  return key;
});

// #region cursor
/**
 * A cursor is opaque to clients but not secret: base64url JSON of where the page ended and the
 * list's filters, then a MAC over it and the sandbox. A client cannot forge one, edit one, or use
 * one with other filters or in another sandbox: all of those are 400, never a wrong page.
 */
export function encodeCursor(sandboxId: string, { after, done, q }: CursorState): string {
  return cursors.seal(sandboxId, [after, done ?? null, q ?? null]);
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
  const parsed = cursors.open(sandboxId, cursor);
  if (!Array.isArray(parsed)) return undefined;
  const [after, done, q] = parsed;
  if (!Number.isSafeInteger(after) || after < 0) return undefined;
  return { after, done: done ?? undefined, q: q ?? undefined };
}

function filtersOf({ done, q }: { done?: boolean; q?: string }): string {
  const parts = [
    done === undefined ? undefined : `done=${done}`,
    q === undefined ? undefined : `q=${JSON.stringify(q)}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" and ") : "nothing";
}
