import { isIP } from "node:net";
import { env, type TrustProxy } from "@/lib/env";
import { readPeer } from "@/lib/http/peer";
import { listOf, trustedEntry } from "@/lib/http/site-origin";

/** The address every request shares when none can be trusted (so limits still hold, jointly). */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * The client's address, from proxy headers only as far as TRUST_PROXY trusts them:
 *
 * - `none`: the TCP peer, as the server guard stamped it. Not X-Forwarded-For: `next start` keeps
 *   whatever the client sent there and only fills it from the socket when it is missing.
 * - `vercel`: x-vercel-forwarded-for (or x-real-ip), which Vercel's edge sets and overwrites.
 * - N: the N-th X-Forwarded-For entry from the right, the one the outermost of our N proxies
 *   appended. Entries further left were sent by the client and prove nothing.
 */
export function clientAddress(req: Request): string {
  return clientAddressFor(req, env().TRUST_PROXY);
}

/**
 * What a per-client limit counts against: the address, or for IPv6 its /64 network. One
 * subscriber is usually handed a whole /64 and can pick any address in it, so counting single
 * IPv6 addresses would let one client take 2^64 turns.
 */
export function clientLimitKey(req: Request): string {
  return limitKeyOf(clientAddress(req));
}

export function limitKeyOf(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail] = address.split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  // An embedded IPv4 tail (::ffff:… left after mapping, or 64:ff9b::1.2.3.4) is two groups.
  const size = (part: string) => groups(part).reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
  const left = groups(head);
  const zeros = tail === undefined ? 0 : 8 - size(head) - size(tail);
  const full = [...left, ...Array(zeros).fill("0"), ...groups(tail ?? "")];
  return `${full
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/** Whether the client reached us over HTTPS, by the same trust rule as clientAddress. */
export function isHttps(req: Request): boolean {
  return isHttpsFor(req, env().TRUST_PROXY);
}

export function clientAddressFor(req: Request, trust: TrustProxy): string {
  const headers = req.headers;
  if (trust === "vercel") {
    return (
      address(listOf(headers.get("x-vercel-forwarded-for"))[0]) ??
      address(headers.get("x-real-ip")) ??
      UNKNOWN_ADDRESS
    );
  }
  const peer = address(readPeer(headers)?.address);
  if (trust === "none") return peer ?? UNKNOWN_ADDRESS;
  const forwarded = listOf(headers.get("x-forwarded-for"));
  // Fewer entries than proxies: this request did not come through all of them, so only the
  // socket is sure. (With no X-Forwarded-For at all, next start puts the socket address there.)
  if (forwarded.length < trust) return peer ?? UNKNOWN_ADDRESS;
  return address(forwarded[forwarded.length - trust]) ?? UNKNOWN_ADDRESS;
}

export function isHttpsFor(req: Request, trust: TrustProxy): boolean {
  if (trust === "none") return readPeer(req.headers)?.https ?? false;
  return trustedEntry(req.headers.get("x-forwarded-proto"), trust) === "https";
}

/** A bare IP address from a header entry (ports and IPv4-mapped IPv6 removed), or undefined. */
function address(entry: string | null | undefined): string | undefined {
  if (!entry) return undefined;
  let value = entry.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value : undefined;
}
