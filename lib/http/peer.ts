import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The TCP peer of a request, as the server guard saw it on the socket, carried to route handlers
 * in a header. `next start` keeps a client's own X-Forwarded-For and only fills it from the socket
 * when it is missing, so without this a route cannot tell the real peer from an invented one.
 *
 * The value is signed with a key made when the guard starts and never sent anywhere, so a client
 * cannot forge it for another address, and a request the guard never saw (no guard, or a request
 * accepted before it was installed) carries no valid stamp. Its value is the client's own address,
 * so it may be shown back to the client (the echo lesson does).
 */
export const PEER_HEADER = "x-bmj-peer";

export type Peer = { address: string; https: boolean };

const KEY = Symbol.for("bmj.peer-key");
// Shared through globalThis: the guard (instrumentation bundle) and the routes (their own bundles)
// run in one process but get separate copies of this module.
type KeyHolder = { [KEY]?: Buffer };
const holder = globalThis as KeyHolder;

function sign(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

/** The header value for a peer; the first call makes this process's key. */
export function stampPeer(peer: Peer): string {
  holder[KEY] ??= randomBytes(32);
  const payload = `${peer.address};proto=${peer.https ? "https" : "http"}`;
  return `${payload};sig=${sign(holder[KEY], payload)}`;
}

/** The peer the guard stamped on this request; undefined when missing, forged or unsigned. */
export function readPeer(headers: Pick<Headers, "get">): Peer | undefined {
  const key = holder[KEY];
  const value = headers.get(PEER_HEADER);
  if (!key || !value) return undefined;
  const match = /^([^;]+);proto=(https?);sig=([\w-]+)$/.exec(value);
  if (!match) return undefined;
  const [, address = "", proto, sig = ""] = match;
  const expected = Buffer.from(sign(key, `${address};proto=${proto}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { address, https: proto === "https" };
}
