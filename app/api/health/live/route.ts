// GET /api/health/live — the simplest handler of this build: liveness only (the process answers),
// and the benchmark's ceiling. /api/health also probes Postgres and Redis.
export function GET() {
  return Response.json({ ok: true });
}
