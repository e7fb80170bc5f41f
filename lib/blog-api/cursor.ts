import { authSecret } from "@/lib/accounts/secret";
import { HttpProblem } from "@/lib/http/problem";
import { derivedKey, signedCursors } from "@/lib/http/signed-cursor";
import type { ListPostsQuery, PostSort } from "./contract";

/** Where a page ended: the last post's sort value (a date, a title or a rank) and its id. */
export type Position = { value: string | number; id: number };

/** What a cursor is bound to besides its position: the list's filters and sort. */
type Bound = Pick<ListPostsQuery, "author" | "tag" | "status" | "q" | "sort">;

// One key for blog cursors, derived from the site's secret (AUTH_SECRET): every instance signs
// and checks alike, and the key differs from every other use of the secret.
let key: Buffer | undefined;
const cursors = signedCursors(() => {
  key ??= derivedKey(authSecret(), "bmj:blog-cursor:v1");
  return key;
});

const boundOf = ({ author, tag, status, q, sort }: Bound) => [
  sort,
  author ?? null,
  tag ?? null,
  status ?? null,
  q ?? null,
];

// #region cursor
/**
 * A cursor is base64url JSON of the position and the list's filters and sort, a dot, and an HMAC
 * of it and the sandbox id. Opaque to clients, not secret; but nobody without the server's key
 * can make one, so a cursor changed by hand, cut short, sent with other filters or in another
 * sandbox is a 400, never a wrong page or another learner's.
 */
export function encodeCursor(sandboxId: string, at: Position, list: Bound): string {
  return cursors.seal(sandboxId, [at.value, at.id, ...boundOf(list)]);
}

export function decodeCursor(sandboxId: string, cursor: string, list: Bound): Position {
  const state = verified(sandboxId, cursor);
  if (!state) {
    throw new HttpProblem(
      "invalid-cursor",
      'This cursor was changed, cut short, or issued to another sandbox. Cursors are opaque: send nextCursor exactly as a page gave it (or follow the Link rel="next"), or leave cursor out to start from the first page.',
      { errors: [{ in: "query", field: "cursor", message: "is not a cursor this API issued" }] },
    );
  }
  if (JSON.stringify(state.bound) !== JSON.stringify(boundOf(list))) {
    throw new HttpProblem(
      "invalid-cursor",
      `This cursor continues a list with ${describeList(state.bound)}, not ${describeList(boundOf(list))}. Send the same filters and sort with it (the Link rel="next" has them), or leave cursor out to start over.`,
      {
        errors: [
          { in: "query", field: "cursor", message: "belongs to a list with other filters or sort" },
        ],
      },
    );
  }
  return state.at;
}
// #endregion

function verified(
  sandboxId: string,
  cursor: string,
): { at: Position; bound: unknown[] } | undefined {
  const parsed = cursors.open(sandboxId, cursor);
  if (!Array.isArray(parsed) || parsed.length !== 7) return undefined;
  const [value, id, ...bound] = parsed;
  if (!Number.isSafeInteger(id) || (typeof value !== "string" && typeof value !== "number"))
    return undefined;
  return { at: { value, id }, bound };
}

function describeList(bound: unknown[]): string {
  const [sort, ...filters] = bound;
  const names = ["author", "tag", "status", "q"];
  const parts = filters.flatMap((v, i) => (v === null ? [] : [`${names[i]}=${JSON.stringify(v)}`]));
  return `sort=${sort as PostSort}${parts.length > 0 ? ` and ${parts.join(" and ")}` : ""}`;
}
