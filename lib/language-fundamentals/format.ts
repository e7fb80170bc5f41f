/** A value as a test message or the console shows it: strings quoted, objects as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return `[function ${value.name || "anonymous"}]`;
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Map) return `Map(${show([...value.entries()])})`;
  if (value instanceof Set) return `Set(${show([...value.values()])})`;
  try {
    const text = JSON.stringify(value, (_key, v: unknown) =>
      typeof v === "bigint" ? `${v}n` : v === undefined ? "undefined" : v,
    );
    return text ?? String(value);
  } catch {
    return String(value);
  }
}

/** console.log's arguments as one line: strings as they are, the rest as `show` does. */
export function logText(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : show(arg))).join(" ");
}
