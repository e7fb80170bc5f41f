import { useCallback, useEffect, useRef, useState } from "react";
import type { PreparedRequest } from "./request";
import type { ResponseResult } from "./response-view";
import { ensureSandbox } from "./sandbox";

/** How a request ended, for the history. */
export type Outcome = {
  status: number | null;
  /** The response headers (none when it failed or was cancelled). */
  headers: [string, string][];
  /** The response body as text ("" when it failed or was cancelled). */
  body: string;
  /** The browser followed a redirect: this is the answer of another URL. */
  redirected: boolean;
  time: number;
  cancelled: boolean;
};

function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Sends one request at a time for a console, with the learner's sandbox ensured first (lesson APIs
 * answer 401 without one). `cancel` aborts it; a Send while one runs is counted in `busyPresses`
 * so the console can say so instead of doing nothing.
 */
export function useRequestRunner() {
  const [result, setResult] = useState<ResponseResult | null>(null);
  const [pending, setPending] = useState(false);
  const [busyPresses, setBusyPresses] = useState(0);
  const [sandboxError, setSandboxError] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const run = useCallback(async (request: PreparedRequest): Promise<Outcome | null> => {
    if (running.current) {
      setBusyPresses((n) => n + 1);
      return null;
    }
    const controller = new AbortController();
    const { signal } = controller;
    running.current = controller;
    setPending(true);
    setBusyPresses(0);
    let started = performance.now();
    let status: number | null = null;
    let headers: [string, string][] = [];
    let text = "";
    let redirected = false;
    try {
      // A first visit must get its sandbox (and cookie) before the request.
      const sandbox = await Promise.race([ensureSandbox(), whenAborted(signal)]);
      setSandboxError(sandbox.ok ? null : sandbox.error);
      started = performance.now();
      const res = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? undefined,
        credentials: "same-origin",
        cache: "no-store",
        signal,
      });
      const bytes = await res.arrayBuffer();
      status = res.status;
      headers = [...res.headers];
      text = new TextDecoder().decode(bytes);
      redirected = res.redirected;
      setResult({
        ok: true,
        status: res.status,
        statusText: res.statusText,
        headers: [...res.headers],
        body: text,
        size: bytes.byteLength,
        time: performance.now() - started,
      });
    } catch (error) {
      const time = performance.now() - started;
      if (signal.aborted) {
        setResult({ ok: false, cancelled: true, error: "Cancelled", time });
      } else {
        const message = error instanceof Error ? error.message : String(error);
        setResult({ ok: false, error: message, time });
      }
    } finally {
      running.current = null;
      setPending(false);
    }
    return {
      status,
      headers,
      body: text,
      redirected,
      time: round(performance.now() - started),
      cancelled: signal.aborted,
    };
  }, []);

  const cancel = useCallback(() => running.current?.abort(), []);

  return { result, pending, busyPresses, sandboxError, run, cancel };
}
