/**
 * Calls back once when an element comes within a generous margin of the viewport: one
 * IntersectionObserver for every console on the page. Without IntersectionObserver, calls back
 * when the browser is idle.
 */

/** About one screen ahead, above and below, so a console is ready before it is seen. */
export const NEAR_MARGIN = "100% 0px 100% 0px";

const callbacks = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const callback = callbacks.get(entry.target);
        unobserve(entry.target);
        callback?.();
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  return observer;
}

function unobserve(element: Element) {
  callbacks.delete(element);
  observer?.unobserve(element);
}

/** Returns a function that stops watching. */
export function whenNearViewport(element: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === "undefined") {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
    const handle = idle(callback);
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(handle);
  }
  callbacks.set(element, callback);
  shared().observe(element);
  return () => unobserve(element);
}
