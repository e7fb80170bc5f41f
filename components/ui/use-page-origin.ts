import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * The origin this page was loaded from, as the browser sees it: the one address whose cookie
 * holds the learner's sandbox. On the server (and while hydrating) it is `serverOrigin`: the
 * request's origin by the trusted-proxy rules where the page is dynamic, unknown on a static page.
 */
export function usePageOrigin(serverOrigin?: string): string | undefined {
  return useSyncExternalStore(
    never,
    () => window.location.origin,
    () => serverOrigin,
  );
}
