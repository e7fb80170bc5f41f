/**
 * Where a console's "Why this happens →" goes for a problem `type`, as an href that stays on the
 * origin the page was loaded from: a type on this origin, or on another name for this site (its
 * path is one of our lesson pages), becomes a relative link. Following an absolute link to
 * another host name would lose the learner's sandbox: the cookie belongs to this one. Undefined
 * when the type is no link (`about:blank`, not http).
 */
export function problemLink(type: unknown, pageOrigin: string): string | undefined {
  if (typeof type !== "string") return undefined;
  let url: URL;
  try {
    url = new URL(type, pageOrigin);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  const ours = url.origin === pageOrigin || /^\/learn\/[\w-]+$/.test(url.pathname);
  return ours ? `${url.pathname}${url.search}${url.hash}` : url.toString();
}
