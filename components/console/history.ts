import { useSyncExternalStore } from "react";

/** One request sent from any console, kept in localStorage across pages. */
export type HistoryEntry = {
  id: string;
  method: string;
  /** Path and query string, as sent. */
  url: string;
  headers: Record<string, string>;
  body: string | null;
  /** How the console held the body (a form's fields, or text), when its Content-Type does not say. */
  bodyType?: "form" | "text" | "json";
  /** `null` when the request never got a response (network error). */
  status: number | null;
  /** Milliseconds, measured in the browser. */
  time: number;
  /** When it was sent, in ms since the epoch. */
  at: number;
  /** The learner cancelled it before the response arrived. */
  cancelled?: true;
};

export const HISTORY_KEY = "bmj.console.history";
export const HISTORY_LIMIT = 20;
const CHANGE_EVENT = "bmj:console-history";
const EMPTY: HistoryEntry[] = [];

/** What a sandbox key becomes in stored history: the key is a secret and never stored. */
export const MASKED_KEY = "(not stored: paste your key)";
const KEY_HEADER = "x-sandbox-key";
const KEY_SHAPE = /sbx_[A-Za-z0-9_-]{20,}/g;
const maskText = (text: string) => text.replace(KEY_SHAPE, "sbx_…");

/**
 * The entry as it may be stored: the value of X-Sandbox-Key (any case) masked, and anything else
 * shaped like a key (in another header, the URL or the body) shortened to `sbx_…`.
 */
export function withoutSecrets<T extends Omit<HistoryEntry, "id">>(entry: T): T {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(entry.headers)) {
    headers[name] = name.trim().toLowerCase() === KEY_HEADER ? MASKED_KEY : maskText(value);
  }
  return {
    ...entry,
    url: maskText(entry.url),
    headers,
    body: entry.body === null ? null : maskText(entry.body),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function toEntry(v: unknown): HistoryEntry | null {
  if (!isRecord(v)) return null;
  const { id, method, url, headers, body, bodyType, status, time, at, cancelled } = v;
  if (typeof id !== "string" || typeof method !== "string" || typeof url !== "string") return null;
  if (typeof time !== "number" || typeof at !== "number") return null;
  if (status !== null && typeof status !== "number") return null;
  if (body !== null && typeof body !== "string") return null;
  const cleanHeaders: Record<string, string> = {};
  if (isRecord(headers)) {
    for (const [k, val] of Object.entries(headers))
      if (typeof val === "string") cleanHeaders[k] = val;
  }
  const entry: HistoryEntry = { id, method, url, headers: cleanHeaders, body, status, time, at };
  if (cancelled === true) entry.cancelled = true;
  if (bodyType === "form" || bodyType === "text" || bodyType === "json") entry.bodyType = bodyType;
  // History written before keys were masked is cleaned as it is read, and so on the next write.
  return withoutSecrets(entry);
}

/** Reads stored history defensively: anything malformed is dropped, never thrown. */
export function parseHistory(raw: string | null): HistoryEntry[] {
  if (!raw) return EMPTY;
  try {
    const data: unknown = JSON.parse(raw);
    if (!Array.isArray(data)) return EMPTY;
    return data.flatMap((v) => toEntry(v) ?? []).slice(0, HISTORY_LIMIT);
  } catch {
    return EMPTY;
  }
}

/** Newest first, at most `HISTORY_LIMIT`. */
export function withEntry(list: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...list].slice(0, HISTORY_LIMIT);
}

let cache: { raw: string | null; list: HistoryEntry[] } = { raw: null, list: EMPTY };

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // Storage disabled (privacy settings): history lives for this page only.
  }
}

let memory: string | null = null;

function readRaw(): string | null {
  const store = storage();
  if (!store) return memory;
  try {
    return store.getItem(HISTORY_KEY);
  } catch {
    return memory;
  }
}

function writeRaw(raw: string | null) {
  memory = raw;
  const store = storage();
  try {
    if (raw === null) store?.removeItem(HISTORY_KEY);
    else store?.setItem(HISTORY_KEY, raw);
  } catch {
    // Quota or privacy mode: the in-memory copy still serves this page.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function snapshot(): HistoryEntry[] {
  const raw = readRaw();
  if (raw !== cache.raw) cache = { raw, list: parseHistory(raw) };
  return cache.list;
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === HISTORY_KEY) onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/** The shared history; every console on every open tab sees the same list. */
export function useHistory(): HistoryEntry[] {
  return useSyncExternalStore(subscribe, snapshot, () => EMPTY);
}

export function addHistory(entry: Omit<HistoryEntry, "id">) {
  const id = `${entry.at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  writeRaw(JSON.stringify(withEntry(snapshot(), withoutSecrets({ id, ...entry }))));
}

export function clearHistory() {
  writeRaw(null);
}
