import type { RequestContext } from "@/lib/http/route";
import { type AccountCaller, authenticate, requireRole } from "@/lib/jwt-auth/bearer";
import type { Shopper } from "./cart";
import type { Pagination } from "./schemas";

// #region shopper
/**
 * Who is shopping: the user of the access token in Authorization: Bearer (401 without a valid
 * one), as the owner of a cart and of orders in the caller's sandbox.
 */
export async function shopperOf(
  req: Request,
  ctx: RequestContext,
  sandboxId: string,
): Promise<Shopper & { user: AccountCaller }> {
  const user = await authenticate({ req, ctx, sandboxId });
  return { sandboxId, accountId: user.id, user };
}

/** The same, and 403 unless that user is an admin. */
export async function adminOf(req: Request, ctx: RequestContext, sandboxId: string) {
  const shopper = await shopperOf(req, ctx, sandboxId);
  requireRole(shopper.user, "admin");
  return shopper;
}
// #endregion

export function paginationOf(page: number, limit: number, total: number): Pagination {
  return { page, limit, total, totalPages: Math.max(1, Math.ceil(total / limit)) };
}

/** first, last, prev and next (RFC 8288), keeping the request's other parameters. */
export function pageLinks(url: URL, { page, totalPages }: Pagination): string {
  const link = (p: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set("page", String(p));
    return `<${target.pathname}${target.search}>; rel="${rel}"`;
  };
  const links = [link(1, "first"), link(totalPages, "last")];
  if (page > 1) links.push(link(Math.min(page - 1, totalPages), "prev"));
  if (page < totalPages) links.push(link(page + 1, "next"));
  return links.join(", ");
}
