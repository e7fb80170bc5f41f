import { useCallback, useEffect, useState } from "react";

export type SandboxInfo = { id: string; key: string };

let loading: Promise<SandboxInfo | null> | null = null;

/**
 * `GET /api/sandbox` once per page, shared by every console: a first visit creates the sandbox
 * and its cookie, and two consoles asking at once must not create two sandboxes.
 */
export function loadSandbox(): Promise<SandboxInfo | null> {
  loading ??= fetch("/api/sandbox", { credentials: "same-origin", cache: "no-store" })
    .then(async (res) => {
      if (!res.ok) return null;
      const data: unknown = await res.json();
      if (typeof data !== "object" || data === null) return null;
      const { id, key } = data as Record<string, unknown>;
      return typeof id === "string" && typeof key === "string" ? { id, key } : null;
    })
    .catch(() => null)
    .then((info) => {
      if (!info) loading = null; // Let the next console (or Send) try again.
      return info;
    });
  return loading;
}

/**
 * The sandbox key: `undefined` while loading, `null` if it could not be fetched. `reload` asks
 * again after a failure (and resolves at once when the key is known).
 */
export function useSandboxKey(): { key: string | null | undefined; reload: () => Promise<void> } {
  const [key, setKey] = useState<string | null | undefined>(undefined);
  const reload = useCallback(async () => {
    const info = await loadSandbox();
    setKey(info?.key ?? null);
  }, []);
  useEffect(() => {
    let live = true;
    loadSandbox().then((info) => {
      if (live) setKey(info?.key ?? null);
    });
    return () => {
      live = false;
    };
  }, []);
  return { key, reload };
}

export function shortKey(key: string): string {
  return `${key.slice(0, 8)}…`;
}
