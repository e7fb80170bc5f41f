/** Runs once when a server starts: check the environment, then connect and migrate. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("@/db");
  await getDb();
}
