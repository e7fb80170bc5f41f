import { config } from "zod";

// In the browser, zod must not try `new Function` (its faster parser): the site's
// Content-Security-Policy forbids eval, and the attempt is reported as a violation even though
// zod falls back. Imported before the AI SDK, whose stream parsing uses zod.
config({ jitless: true });
