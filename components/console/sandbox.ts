import { useEffect, useSyncExternalStore } from "react";

export type SandboxInfo = { id: string; key: string };

/**
 * What this page knows of the learner's sandbox, shared by every console:
 * `undefined` not asked yet (or asking), `null` none yet (or it could not be read), else the sandbox.
 */
let known: SandboxInfo | null | undefined;
let reading: Promise<SandboxInfo | null> | null = null;
let creating: Promise<SandboxResult> | null = null;
const listeners = new Set<() => void>();

export type SandboxResult = { ok: true; sandbox: SandboxInfo } | { ok: false; error: string };

function set(next: SandboxInfo | null) {
  known = next;
  for (const listener of listeners) listener();
}

function infoOf(data: unknown): SandboxInfo | null {
  if (typeof data !== "object" || data === null) return null;
  const { id, key } = data as Record<string, unknown>;
  return typeof id === "string" && typeof key === "string" ? { id, key } : null;
}

/** A problem's title and detail, or the status, for a message. */
async function reasonOf(res: Response): Promise<string> {
  try {
    const problem = problemText(await res.json());
    if (problem) return problem;
  } catch {
    // Not JSON.
  }
  return `${res.status} ${res.statusText}`.trim();
}

function problemText(data: unknown): string | null {
  if (typeof data !== "object" || data === null) return null;
  const { title, detail } = data as Record<string, unknown>;
  if (typeof title !== "string") return null;
  return typeof detail === "string" ? `${title}: ${detail}` : title;
}

/**
 * `GET /api/sandbox`, once per page: the sandbox the cookie names (200), or none yet (404).
 * Reading never creates one. A failure is forgotten, so the next caller asks again.
 */
export function readSandbox(): Promise<SandboxInfo | null> {
  reading ??= fetch("/api/sandbox", { credentials: "same-origin", cache: "no-store" })
    .then(async (res) => (res.ok ? infoOf(await res.json()) : null))
    .catch(() => null)
    .then((info) => {
      if (!info) reading = null;
      if (info || known === undefined) set(info);
      return info;
    });
  return reading;
}

/**
 * The learner's sandbox, created if there is none: `GET /api/sandbox`, and on a 404 one
 * `POST /api/sandbox` (which sets the httpOnly cookie). Every console shares the same promises, so
 * several consoles sending at once never create two sandboxes. Lesson APIs answer 401 without one.
 */
export function ensureSandbox(): Promise<SandboxResult> {
  if (known) return Promise.resolve({ ok: true, sandbox: known });
  creating ??= readSandbox()
    .then(async (found): Promise<SandboxResult> => {
      if (found) return { ok: true, sandbox: found };
      const res = await fetch("/api/sandbox", {
        method: "POST",
        credentials: "same-origin",
        cache: "no-store",
      });
      const created = res.ok ? infoOf(await res.json()) : null;
      if (!created) return { ok: false, error: await reasonOf(res) };
      set(created);
      return { ok: true, sandbox: created };
    })
    .catch((error: unknown): SandboxResult => {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    })
    .then((result) => {
      creating = null;
      return result;
    });
  return creating;
}

/** Called whenever what the page knows of the sandbox changes; returns the unsubscribe. */
export function subscribeSandbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The sandbox this page knows of, if any (`undefined` before it asked). */
export function knownSandbox(): SandboxInfo | null | undefined {
  return known;
}

/** The sandbox key for display: `undefined` while unknown, `null` when there is none yet. */
export function useSandboxKey(): string | null | undefined {
  const info = useSyncExternalStore(
    subscribeSandbox,
    () => known,
    () => undefined,
  );
  useEffect(() => {
    if (known === undefined) void readSandbox();
  }, []);
  return info === undefined ? undefined : (info?.key ?? null);
}
