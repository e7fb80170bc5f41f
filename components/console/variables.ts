import { useEffect, useSyncExternalStore } from "react";
import { VARIABLE_NAME } from "@/content/variables";
import { knownSandbox, readSandbox, subscribeSandbox } from "./sandbox";

/**
 * The console's variables (`{{accessToken}}`…): saved from responses by the consoles whose
 * lesson example captures them, or added by hand, and filled into requests when they are sent.
 * Every console on every page of the site shares them, kept in localStorage per sandbox: another
 * sandbox (another account, another browser) has its own, and a reset clears them (the tokens and
 * ETags they hold name data that is gone).
 */
export type Variable = {
  id: string;
  name: string;
  value: string;
  /** The title of the console whose response saved it; none when added by hand. */
  from?: string;
};

export const VARIABLES_KEY = "bmj.console.variables";
const CHANGE_EVENT = "bmj:console-variables";
const EMPTY: Variable[] = [];

/** The storage key of this page's sandbox's variables; null before the page knows a sandbox. */
function keyOf(): string | null {
  const sandbox = knownSandbox();
  return sandbox ? `${VARIABLES_KEY}.${sandbox.id}` : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads stored variables defensively: anything malformed is dropped, never thrown. */
export function parseVariables(raw: string | null): Variable[] {
  if (!raw) return EMPTY;
  try {
    const data: unknown = JSON.parse(raw);
    if (!Array.isArray(data)) return EMPTY;
    return data.flatMap((v): Variable[] => {
      if (!isRecord(v)) return [];
      const { id, name, value, from } = v;
      if (typeof id !== "string" || typeof name !== "string" || typeof value !== "string")
        return [];
      return [{ id, name, value, ...(typeof from === "string" ? { from } : {}) }];
    });
  } catch {
    return EMPTY;
  }
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // Storage disabled (privacy settings): variables live for this page only.
  }
}

/** Variables before the page knows its sandbox (added by hand), and when storage fails. */
const memory = new Map<string | null, string | null>();

function readRaw(key: string | null): string | null {
  const store = storage();
  if (!store || key === null) return memory.get(key) ?? null;
  try {
    return store.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function writeRaw(key: string | null, raw: string | null) {
  memory.set(key, raw);
  const store = storage();
  if (store && key !== null) {
    try {
      if (raw === null) store.removeItem(key);
      else store.setItem(key, raw);
    } catch {
      // Quota or privacy mode: the in-memory copy still serves this page.
    }
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

let cache: { key: string | null; raw: string | null; list: Variable[] } = {
  key: null,
  raw: null,
  list: EMPTY,
};

function snapshot(): Variable[] {
  const key = keyOf();
  const raw = readRaw(key);
  if (key !== cache.key || raw !== cache.raw) cache = { key, raw, list: parseVariables(raw) };
  return cache.list;
}

function write(list: Variable[]) {
  writeRaw(keyOf(), list.length ? JSON.stringify(list) : null);
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key.startsWith(VARIABLES_KEY)) onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  const offSandbox = subscribeSandbox(() => {
    adoptUnsaved();
    onChange();
  });
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
    offSandbox();
  };
}

/** Variables added before the page knew a sandbox become that sandbox's once it is known. */
function adoptUnsaved() {
  const key = keyOf();
  const unsaved = parseVariables(memory.get(null) ?? null);
  if (key === null || unsaved.length === 0) return;
  memory.delete(null);
  const saved = parseVariables(readRaw(key));
  const names = new Set(saved.map((v) => v.name));
  writeRaw(key, JSON.stringify([...saved, ...unsaved.filter((v) => !names.has(v.name))]));
}

/** Every console's variables, in the order they were first saved. */
export function useVariables(): Variable[] {
  const list = useSyncExternalStore(subscribe, snapshot, () => EMPTY);
  useEffect(() => {
    if (knownSandbox() === undefined) void readSandbox();
  }, []);
  return list;
}

/** The value of the variable `name` (the first of that name), for filling in a request. */
export function variableValue(name: string): string | undefined {
  return snapshot().find((v) => v.name === name)?.value;
}

/** The value of `name` once the page knows its sandbox (outside a console, which asks itself). */
export async function readVariable(name: string): Promise<string | undefined> {
  if (knownSandbox() === undefined) await readSandbox();
  return variableValue(name);
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A new variable, or a new value for the one of that name. */
export function withValue(list: Variable[], name: string, value: string, from?: string) {
  const at = list.findIndex((v) => v.name === name);
  const next: Variable = { id: list[at]?.id ?? newId(), name, value, ...(from ? { from } : {}) };
  return at === -1 ? [...list, next] : list.map((v, i) => (i === at ? next : v));
}

/** Saves what a response captured, from the console titled `from`. */
export function saveVariables(values: [string, string][], from: string | undefined) {
  if (values.length === 0) return;
  let list = snapshot();
  for (const [name, value] of values) list = withValue(list, name, value, from);
  write(list);
}

/** Adds an empty variable (the learner names it); returns its id. */
export function addVariable(): string {
  const variable: Variable = { id: newId(), name: "", value: "" };
  write([...snapshot(), variable]);
  return variable.id;
}

/** Changes a variable's name or value (a learner's edit: it no longer comes from a response). */
export function updateVariable(id: string, patch: { name?: string; value?: string }) {
  write(snapshot().map((v) => (v.id === id ? { id, name: v.name, value: v.value, ...patch } : v)));
}

export function removeVariable(id: string) {
  write(snapshot().filter((v) => v.id !== id));
}

/** After a reset of the sandbox: its variables name tokens and versions that are gone. */
export async function clearVariables(): Promise<void> {
  if (knownSandbox() === undefined) await readSandbox();
  write([]);
}

/** Whether `name` can be written as `{{name}}`. */
export function isVariableName(name: string): boolean {
  return VARIABLE_NAME.test(name);
}
