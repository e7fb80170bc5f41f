/** Runs once when a server starts: check the environment, then connect and migrate. */
export async function register() {
  // The positive check (not an early return) lets webpack drop the Node-only imports from the
  // edge bundle of this file.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { getDb } = await import("@/db");
      await getDb();
    }
  }
}
