// GET /api/health — the simplest handler of this build: liveness, and the benchmark's ceiling
export function GET() {
  return Response.json({ ok: true });
}
