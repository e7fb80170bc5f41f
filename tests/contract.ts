import { expect } from "vitest";
import type { z } from "zod";
import type { Operation } from "@/lib/http/contract";
import { PROBLEM_CONTENT_TYPE, type ProblemKind, problemKinds } from "@/lib/http/problem";
import { problemsOf } from "@/lib/openapi/document";

/** Problems any route can answer, whatever its contract lists. */
const ANY_ROUTE: ProblemKind[] = [
  "unauthorized",
  "forbidden",
  "method-not-allowed",
  "rate-limited",
  "internal",
];

/**
 * Asserts that a response is one the operation's contract allows: a declared status whose body
 * parses with the declared schema (and has the declared headers), or a problem it may answer.
 * Returns the parsed body.
 */
export async function expectConforms<O extends Operation, S extends keyof O["responses"] & number>(
  operation: O,
  res: Response,
): Promise<
  O["responses"][S]["body"] extends z.ZodType ? z.output<O["responses"][S]["body"]> : unknown
> {
  const label = `${operation.method} ${operation.path} → ${res.status}`;
  const text = await res.clone().text();
  const spec = operation.responses[res.status];
  // A deprecated operation says so on every answer but a 304 (lib/http/deprecation.ts).
  if (operation.deprecation && res.status !== 304) {
    expect(res.headers.get("deprecation"), `${label}: Deprecation`).toMatch(/^@\d+$/);
    expect(res.headers.get("sunset"), `${label}: Sunset`).not.toBeNull();
    expect(res.headers.get("link"), `${label}: Link`).toContain('rel="deprecation"');
  }
  if (spec) {
    for (const [name, header] of Object.entries(spec.headers ?? {})) {
      if (header.required) expect(res.headers.get(name), `${label}: header ${name}`).not.toBeNull();
    }
    if (!spec.body || text === "") return undefined as never;
    const parsed = spec.body.safeParse(JSON.parse(text));
    expect(parsed.error?.issues, `${label}: body breaks the contract`).toBeUndefined();
    return parsed.data as never;
  }
  const allowed = [...problemsOf(operation), ...ANY_ROUTE].map((kind) => problemKinds[kind].status);
  expect(allowed, `${label}: status not in the contract`).toContain(res.status);
  expect(res.headers.get("content-type"), label).toBe(PROBLEM_CONTENT_TYPE);
  return JSON.parse(text);
}
