"use client";

import { useId, useState } from "react";
import { readVariable } from "@/components/console/variables";

type Decoded =
  | { ok: true; parts: [string, string, string]; header: unknown; payload: unknown }
  | { ok: false; error: string };

/** base64url (RFC 4648 §5, no padding) to text, as UTF-8. */
function fromBase64url(part: string): string {
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

function decode(token: string): Decoded {
  const parts = token.trim().split(".");
  if (parts.length !== 3) {
    return {
      ok: false,
      error: `A JWS has three parts separated by dots; this has ${parts.length}.`,
    };
  }
  const [header = "", payload = "", signature = ""] = parts;
  if (!/^[\w-]*$/.test(header + payload + signature)) {
    return {
      ok: false,
      error: "Only base64url characters (A-Z a-z 0-9 - _) may appear between the dots.",
    };
  }
  try {
    return {
      ok: true,
      parts: [header, payload, signature],
      header: JSON.parse(fromBase64url(header)),
      payload: JSON.parse(fromBase64url(payload)),
    };
  } catch {
    return { ok: false, error: "The header or the payload is not base64url-encoded JSON." };
  }
}

const TIME_CLAIMS: Record<string, string> = {
  iat: "issued at",
  nbf: "not before",
  exp: "expires",
};

function relative(seconds: number, now: number): string {
  const diff = Math.round(seconds - now / 1000);
  const abs = Math.abs(diff);
  const amount =
    abs < 90
      ? `${abs} s`
      : abs < 5400
        ? `${Math.round(abs / 60)} min`
        : `${Math.round(abs / 3600)} h`;
  return diff >= 0 ? `in ${amount}` : `${amount} ago`;
}

/** The payload's NumericDate claims (RFC 7519 §2: seconds since 1970 UTC) as dates. */
function TimeClaims({ payload, now }: { payload: unknown; now: number }) {
  if (!payload || typeof payload !== "object") return null;
  const rows = Object.entries(payload as Record<string, unknown>).filter(
    ([name, value]) => name in TIME_CLAIMS && typeof value === "number",
  ) as [string, number][];
  if (rows.length === 0) return null;
  return (
    <ul className="mt-2 space-y-0.5 text-xs text-zinc-700 dark:text-zinc-300">
      {rows.map(([name, value]) => (
        <li key={name}>
          <span className="font-mono">{name}</span> ({TIME_CLAIMS[name]}):{" "}
          {new Date(value * 1000).toISOString().replace(".000Z", "Z")}, {relative(value, now)}
        </li>
      ))}
    </ul>
  );
}

const PART_COLORS = [
  "text-rose-700 dark:text-rose-300",
  "text-violet-700 dark:text-violet-300",
  "text-sky-700 dark:text-sky-300",
] as const;

/**
 * Decodes a JWT's header and payload in the page, and says plainly that it verifies nothing:
 * reading a token needs no key, which is why a payload must never hold a secret.
 */
export function JwtDecoder() {
  const id = useId();
  const [token, setToken] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const decoded = token.trim() ? decode(token) : null;

  const pasteAlices = async () => {
    const value = await readVariable("accessToken");
    if (value) {
      setToken(value);
      setNow(Date.now());
      setNote(null);
    } else {
      setNote('Send "Alice logs in" above first: it saves her token as {{accessToken}}.');
    }
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid="jwt-decoder"
      className="not-prose my-6 rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${id}-title`} className="font-semibold text-zinc-900 dark:text-zinc-100">
          JWT decoder
        </h3>
        <button
          type="button"
          onClick={() => void pasteAlices()}
          className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          Use Alice&apos;s access token
        </button>
      </div>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        Decodes only: it checks no signature and trusts nothing it reads. Everything runs in your
        browser; the token is sent nowhere.
      </p>
      <label
        htmlFor={`${id}-token`}
        className="mt-3 block text-xs font-medium text-zinc-700 dark:text-zinc-300"
      >
        Token
      </label>
      <textarea
        id={`${id}-token`}
        value={token}
        onChange={(e) => {
          setToken(e.target.value);
          setNow(Date.now());
        }}
        rows={3}
        spellCheck={false}
        placeholder="eyJhbGciOi…"
        className="mt-1 w-full rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs break-all dark:border-zinc-700 dark:bg-zinc-900"
      />
      {note && (
        <p role="status" className="mt-2 text-xs text-amber-800 dark:text-amber-300">
          {note}
        </p>
      )}
      {decoded && !decoded.ok && (
        <p role="status" className="mt-2 text-xs text-rose-700 dark:text-rose-300">
          {decoded.error}
        </p>
      )}
      {decoded?.ok && (
        <div className="mt-3 space-y-3" data-testid="jwt-decoded">
          <p className="font-mono text-xs break-all">
            {decoded.parts.map((part, i) => (
              <span key={i === 0 ? "header" : i === 1 ? "payload" : "signature"}>
                {i > 0 && <span className="text-zinc-500">.</span>}
                <span className={PART_COLORS[i]}>{part || "(empty)"}</span>
              </span>
            ))}
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <h4 className={`text-xs font-semibold ${PART_COLORS[0]}`}>Header</h4>
              <pre className="mt-1 rounded bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere] dark:bg-zinc-900">
                {JSON.stringify(decoded.header, null, 2)}
              </pre>
            </div>
            <div>
              <h4 className={`text-xs font-semibold ${PART_COLORS[1]}`}>Payload</h4>
              <pre className="mt-1 rounded bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere] dark:bg-zinc-900">
                {JSON.stringify(decoded.payload, null, 2)}
              </pre>
              <TimeClaims payload={decoded.payload} now={now} />
            </div>
          </div>
          <p className="text-xs text-zinc-700 dark:text-zinc-300">
            <span className={`font-semibold ${PART_COLORS[2]}`}>Signature</span>:{" "}
            {decoded.parts[2]
              ? `${Math.floor((decoded.parts[2].length * 6) / 8)} bytes. Only the server's key can tell whether it is right; this page cannot, and does not try.`
              : "none at all. A token without a signature proves nothing about who wrote it."}
          </p>
        </div>
      )}
    </section>
  );
}
