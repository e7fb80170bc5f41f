/** The session cookie's names, with no imports: the browser's console reads them too. */

/** The session cookie's name: not the sandbox's (bmj_sandbox), which says whose sandbox it is. */
export const SESSION_COOKIE = "lesson_session";
/** The only paths the browser sends it to: this lesson's API, nothing else on the site. */
export const SESSION_PATH = "/api/v1/sessions";
/** The header a change made with the cookie must carry the session's CSRF token in. */
export const CSRF_HEADER = "x-csrf-token";
