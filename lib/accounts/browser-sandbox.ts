import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What a sign-in or sign-out does to the browser's sandbox cookie. Auth.js calls our events in
 * the middle of its own request handling, where the response is not ours to change; they note
 * the change here, and whoever called Auth.js (the /api/auth route, a server action) applies it.
 */
export type BrowserSandbox = {
  /** The key the browser's sandbox cookie held when the request came in. */
  readonly presented: string | undefined;
  /** Set the cookie to this key; `null` clears it; undefined leaves it alone. */
  next?: string | null;
};

// On globalThis: the route handler, the server actions and the Auth.js config may be bundled apart.
const STORE = Symbol.for("bmj.browser-sandbox");
const holder = globalThis as { [STORE]?: AsyncLocalStorage<BrowserSandbox> };
holder[STORE] ??= new AsyncLocalStorage<BrowserSandbox>();
const store = holder[STORE];

export async function withBrowserSandbox<T>(
  presented: string | undefined,
  work: () => Promise<T>,
): Promise<{ result: T; next: string | null | undefined }> {
  const scope: BrowserSandbox = { presented };
  const result = await store.run(scope, work);
  return { result, next: scope.next };
}

/** The sandbox cookie of the request being handled, if we are inside one. */
export function browserSandbox(): BrowserSandbox | undefined {
  return store.getStore();
}
