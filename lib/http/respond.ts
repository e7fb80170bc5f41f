import { etagOf, noneMatch } from "./etag";

/**
 * A JSON response with an ETag. A GET or HEAD whose If-None-Match already names that ETag gets
 * 304 Not Modified and no body: the client's copy is still good.
 */
export function jsonWithEtag(
  req: Request,
  data: unknown,
  init: { status?: number; etag?: string; headers?: Record<string, string> } = {},
): Response {
  const body = JSON.stringify(data);
  const etag = init.etag ?? etagOf(body);
  const headers = new Headers(init.headers);
  headers.set("etag", etag);
  const conditional = req.method === "GET" || req.method === "HEAD";
  if (conditional && !noneMatch(req.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(req.method === "HEAD" ? null : body, { status: init.status ?? 200, headers });
}
