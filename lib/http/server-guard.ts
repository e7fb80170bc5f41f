import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { env, type TrustProxy } from "@/lib/env";
import { API_METHODS, type EdgeProblem, edgeProblem, edgeRequestId } from "@/lib/http/edge-problem";
import { PEER_HEADER, stampPeer } from "@/lib/http/peer";
import { securityHeaders } from "@/lib/http/security-headers";
import { siteOrigin } from "@/lib/http/site-origin";

/**
 * Requests Next cannot handle, answered at the Node HTTP server before Next sees them, and the
 * socket peer stamped on every other request. Most of these break before any app code (proxy.ts
 * included) could run:
 *
 * - TRACE and TRACK: Next builds a WHATWG Request for the proxy and for route handlers, and the
 *   fetch standard forbids these methods, so the constructor throws and Next answers a plain-text
 *   500. CONNECT never reaches Next: Node drops the connection unless someone listens for it.
 * - `OPTIONS *` (asterisk-form) and other request-targets that are not a path: Next's router
 *   parses the target with `new URL()` first thing, which throws, and answers a plain-text 500.
 * - Methods Node's parser does not know at all (`FOO`): Node answers a bare 400 with no body.
 * - Other methods outside the seven an API route can implement (PROPFIND, PURGE, …) on /api:
 *   Next answers an empty 400 without calling the route. 501 rather than 405 because no URL
 *   implements them and only a route knows its own Allow list; the seven still get each route's
 *   own 405 with its real Allow. (proxy.ts could see these, but running it on every API request
 *   would build a Request and buffer every body for nothing.)
 *
 * `next start` owns the server, so the guard wraps `emit` on the server prototypes; it is
 * installed from instrumentation.ts, which runs in the server's process before requests are
 * handled. Everything else passes through untouched.
 */

const INSTALLED = Symbol.for("bmj.server-guard");
const FORBIDDEN_BY_FETCH = new Set(["TRACE", "TRACK"]);
const API_METHOD_SET: ReadonlySet<string> = new Set(API_METHODS);
const ALLOW = API_METHODS.join(", ");
const API_HEADERS = securityHeaders("/api", false);

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

export function installServerGuard(): void {
  const flags = globalThis as { [INSTALLED]?: true };
  if (flags[INSTALLED]) return;
  flags[INSTALLED] = true;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const original = proto.emit as Emit;
    const guarded: Emit = function (this: http.Server, event, ...args) {
      if (event === "connection" && this.listenerCount("connect") === 0) {
        this.on("connect", refuseConnect);
      }
      if (
        event === "request" &&
        guardRequest(args[0] as IncomingMessage, args[1] as ServerResponse)
      )
        return true;
      if (event === "clientError" && refuseUnparsed(args[0] as ParseError, args[1] as Socket))
        return true;
      return original.call(this, event, ...args);
    };
    proto.emit = guarded as typeof proto.emit;
  }
}

const STAMP = Symbol("bmj.peer-stamp");
type Stamped = Socket & { [STAMP]?: string };

/**
 * The socket's signed peer stamp. A socket's peer never changes, so it is signed once per
 * connection, not once per request: on a keep-alive connection the HMAC was 8% of a cached
 * read's CPU.
 */
function peerStamp(socket: Stamped): string | undefined {
  const address = socket.remoteAddress;
  if (!address) return undefined;
  socket[STAMP] ??= stampPeer({ address, https: Boolean((socket as TLSSocket).encrypted) });
  return socket[STAMP];
}

/** Stamps the peer; answers and returns true when Next could not handle the request. */
function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const stamp = peerStamp(req.socket);
  if (stamp) req.headers[PEER_HEADER] = stamp;
  else delete req.headers[PEER_HEADER];
  const method = req.method ?? "";
  // Only an answer given here needs the id (Next's handlers read the header themselves).
  const requestId = () => edgeRequestId(headerOf(req, "x-request-id"));
  if (req.url === "*" && method === "OPTIONS") {
    // RFC 9110 §9.3.7: OPTIONS * asks about the server in general.
    res.writeHead(204, { ...API_HEADERS, allow: ALLOW, "x-request-id": requestId() });
    res.end();
    return true;
  }
  if (/^https?:\/\//i.test(req.url ?? "")) toOriginForm(req);
  const target = req.url ?? "";
  if (!target.startsWith("/")) {
    const shown = target.slice(0, 100);
    send(
      res,
      edgeProblem("malformed-url", {
        origin: originOf(req),
        instance: shown,
        requestId: requestId(),
        detail: `The request-target "${shown}" is not a path. Only OPTIONS may use "*"; every other request names a path starting with "/".`,
      }),
    );
    return true;
  }
  const path = target.split("?")[0] ?? "/";
  const api = path === "/api" || path.startsWith("/api/");
  if (FORBIDDEN_BY_FETCH.has(method) || (api && !API_METHOD_SET.has(method))) {
    send(res, notImplemented(method, path, originOf(req), requestId()));
    return true;
  }
  return false;
}

/**
 * RFC 9112 §3.2.2: a server must accept an absolute URL as the target and then use its host
 * instead of Host. Next's router would take the "//" for a doubled slash and redirect the client
 * to the URL's host; the path form is what it expects.
 */
function toOriginForm(req: IncomingMessage): void {
  try {
    const url = new URL(req.url ?? "");
    req.url = `${url.pathname}${url.search}`;
    req.headers.host = url.host;
  } catch {
    // Left as it is: not a path, so answered 400 below.
  }
}

function notImplemented(
  method: string,
  instance: string,
  origin: string | undefined,
  requestId: string,
) {
  return edgeProblem("method-not-implemented", {
    origin,
    instance,
    requestId,
    detail: `${method} is not a method this server implements for any URL. The API implements ${API_METHODS.join(", ")}; send OPTIONS to a URL to see which of them it allows.`,
  });
}

function send(res: ServerResponse, problem: EdgeProblem): void {
  res.writeHead(problem.status, { ...API_HEADERS, ...problem.headers });
  res.end(problem.body);
}

type ParseError = Error & { code?: string; rawPacket?: Buffer };

/** A method Node's parser rejects: answer 501 problem+json instead of a bare 400. */
function refuseUnparsed(error: ParseError, socket: Socket): boolean {
  if (error.code !== "HPE_INVALID_METHOD" || !socket.writable) return false;
  const token = /^[!#$%&'*+.^`|~\w-]{1,32}/.exec(error.rawPacket?.toString("latin1") ?? "");
  const method = token?.[0] ?? "That method";
  // No request was parsed, so no Host to link to: the `type` is relative.
  writeRaw(socket, notImplemented(method, "/", undefined, crypto.randomUUID()));
  return true;
}

/** CONNECT asks us to be a tunnel; we are not one. */
function refuseConnect(req: IncomingMessage, socket: Socket): void {
  const problem = notImplemented("CONNECT", req.url ?? "/", originOf(req), crypto.randomUUID());
  writeRaw(socket, problem);
}

function writeRaw(socket: Socket, problem: EdgeProblem): void {
  const headers = {
    ...API_HEADERS,
    ...problem.headers,
    "content-length": String(Buffer.byteLength(problem.body)),
    connection: "close",
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  const reason = http.STATUS_CODES[problem.status] ?? "Error";
  socket.end(
    `HTTP/1.1 ${problem.status} ${reason}\r\n${lines.join("\r\n")}\r\n\r\n${problem.body}`,
  );
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * For the problem `type` link: the origin the client used, by the same rules as the routes
 * (lib/http/site-origin.ts); none (a relative link) when it named no usable host.
 */
function originOf(req: IncomingMessage): string | undefined {
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  return siteOrigin((name) => headerOf(req, name), trustProxy(), encrypted);
}

/** TRUST_PROXY; `none` while the environment is unchecked or invalid (start then stops anyway). */
function trustProxy(): TrustProxy {
  try {
    return env().TRUST_PROXY;
  } catch {
    return "none";
  }
}
