/** Runs once when a server starts: check the environment, then connect and migrate. */
export async function register() {
  // The positive check (not an early return) lets webpack drop the Node-only imports from the
  // edge bundle of this file.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const serving = process.env.NEXT_PHASE !== "phase-production-build";
    if (serving) {
      // First, before anything slow: the server already accepts requests (see server-guard.ts).
      const { installServerGuard } = await import("@/lib/http/server-guard");
      installServerGuard();
    }
    const { env, EnvError } = await import("@/lib/env");
    try {
      env();
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      // A server that cannot work should not look ready: say what to set, and stop.
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    if (serving) {
      // A generated AUTH_SECRET is made (and warned about) now, not at the first sign-in.
      const { authSecret } = await import("@/lib/accounts/secret");
      authSecret();
      const { getDb } = await import("@/db");
      const { isDatabaseUnavailable } = await import("@/db/unavailable");
      try {
        await getDb();
      } catch (error) {
        // Not there yet (a container started beside it, a database waking from sleep): serve
        // anyway. Each request connects again and answers 503 until the database is there; a
        // failed hook would make every answer a bare 500, even once it is.
        if (!isDatabaseUnavailable(error)) throw error;
        const { logger } = await import("@/lib/logger");
        logger.warn(
          { err: error },
          "database unreachable at start: serving 503 until it answers, connecting again on each request",
        );
      }
      // The request log writes behind the responses; on SIGTERM what is queued goes at once (and
      // Next waits for it before exiting).
      const { flushRequestLogOnShutdown } = await import("@/lib/sandbox/request-log");
      flushRequestLogOnShutdown();
    }
  }
}
