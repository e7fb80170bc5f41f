/**
 * Security headers for every response: pages, API answers and the answers the proxy and the
 * server guard write themselves. next.config.ts sends them for everything Next serves.
 */

/**
 * Pages: scripts and styles from our own origin. `'unsafe-inline'` scripts because the lesson
 * pages are prerendered (SSG) and Next puts inline bootstrap scripts in them; a nonce would have
 * to differ per response, which forces every page to render per request. `'unsafe-eval'` only
 * under `next dev`, where React and webpack's hot reload evaluate code.
 */
export function pageContentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    // GitHub sign-in: the form posts here and is redirected to GitHub's authorization page.
    "form-action 'self' https://github.com/login/oauth/authorize",
    "object-src 'none'",
  ].join("; ");
}

/**
 * API answers are data, never a document that should load anything: if one is opened in a
 * browser tab (the echo endpoint can answer HTML), it may not run or fetch anything at all.
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Scripts under /_next/static: a page ignores the policy a script arrives with, but a Web Worker
 * lives by its own script's. The code exercises' workers (components/lesson/exercise) may load
 * script from our origin and evaluate code (the learner's, compiled), and may connect nowhere:
 * the learner's code runs with no network, whatever it tries.
 */
export const WORKER_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'unsafe-eval'; connect-src 'none'; base-uri 'none'";

/** Headers that go on every response, page or API. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // Older browsers that ignore CSP frame-ancestors.
  "x-frame-options": "DENY",
};

/** Every security header for a response to `path`. */
export function securityHeaders(path: string, dev: boolean): Record<string, string> {
  const api = path === "/api" || path.startsWith("/api/");
  return {
    ...COMMON_SECURITY_HEADERS,
    "content-security-policy": api ? API_CONTENT_SECURITY_POLICY : pageContentSecurityPolicy(dev),
  };
}
