/**
 * Takes the network away from the worker the learner's code runs in, before it runs: fetch,
 * XMLHttpRequest, WebSocket, EventSource, WebTransport and importScripts all throw. The worker's
 * own Content-Security-Policy (connect-src 'none', lib/http/security-headers.ts) blocks the same
 * in the browser itself, should code find another way to reach them.
 */
export const BLOCKED_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "EventSource",
  "WebTransport",
  "importScripts",
] as const;

export function takeAwayNetwork(scope: object): void {
  for (const name of BLOCKED_GLOBALS) {
    // A function, not an arrow, so `new XMLHttpRequest()` throws this too.
    function blocked(): never {
      throw new Error(`${name} is not available here: exercises run without a network.`);
    }
    const lock = { value: blocked, writable: false, configurable: false };
    // On the scope and on every prototype that has its own (WorkerGlobalScope.prototype.fetch).
    for (let o: object | null = Object.getPrototypeOf(scope); o; o = Object.getPrototypeOf(o)) {
      if (Object.hasOwn(o, name)) Object.defineProperty(o, name, lock);
    }
    Object.defineProperty(scope, name, lock);
  }
}
