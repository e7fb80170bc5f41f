import { ensureSandbox } from "@/components/console/sandbox";
import type { TestOutcome } from "@/lib/language-fundamentals/types";

/**
 * Tells the learner's sandbox how a run went (`POST /api/v1/exercises/{id}/results`), so "Check my
 * work" can count a passing run. The first report creates the sandbox if there is none yet.
 */
export async function reportResult(
  exerciseId: string,
  tests: readonly TestOutcome[],
): Promise<{ ok: boolean; message: string }> {
  const sandbox = await ensureSandbox();
  if (!sandbox.ok) return { ok: false, message: `Not recorded: ${sandbox.error}` };
  const passed = tests.every((test) => test.passed);
  try {
    const res = await fetch(`/api/v1/exercises/${exerciseId}/results`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        passed,
        tests: tests.map(({ name, passed, message }) => ({
          name,
          passed,
          message: message.slice(0, 2000),
        })),
      }),
    });
    if (!res.ok) {
      const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
      return {
        ok: false,
        message: `Not recorded: ${problem?.detail ?? `the server answered ${res.status}`}`,
      };
    }
    return {
      ok: true,
      message: passed
        ? "Recorded in your sandbox: this exercise now counts in Check my work."
        : "Recorded in your sandbox. Check my work counts it once every test passes.",
    };
  } catch {
    return { ok: false, message: "Not recorded: the server could not be reached." };
  }
}
