/**
 * Our solution to each exercise, for our own tests only (tests/language-fundamentals): each must
 * pass its exercise's tests. Nothing in the page imports this file, so no solution is shipped.
 */
export const solutions: Record<string, string> = {
  types: `type User = { name: string; age: number; email?: string };

export function describeUser(user: User): string {
  const base = \`\${user.name} (\${user.age})\`;
  return user.email ? \`\${base} <\${user.email}>\` : base;
}
`,
  loops: `export function fizzBuzz(n: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    if (i % 15 === 0) out.push("FizzBuzz");
    else if (i % 3 === 0) out.push("Fizz");
    else if (i % 5 === 0) out.push("Buzz");
    else out.push(String(i));
  }
  return out;
}
`,
  functions: `export function makeCounter(start = 0): () => number {
  let count = start;
  return () => ++count;
}

export function pipe(...fns: Array<(x: number) => number>): (x: number) => number {
  return (x) => fns.reduce((value, fn) => fn(value), x);
}
`,
  collections: `type Line = { category: string; priceCents: number; quantity: number };

export function totalsByCategory(lines: Line[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const { category, priceCents, quantity } of lines) {
    totals[category] = (totals[category] ?? 0) + priceCents * quantity;
  }
  return totals;
}
`,
  classes: `export class BankAccount {
  readonly owner: string;
  #balance: number;

  constructor(owner: string, opening = 0) {
    this.owner = owner;
    this.#balance = opening;
  }

  get balance(): number {
    return this.#balance;
  }

  deposit(amount: number): void {
    this.#check(amount);
    this.#balance += amount;
  }

  withdraw(amount: number): void {
    this.#check(amount);
    if (amount > this.#balance) throw new Error("Insufficient funds");
    this.#balance -= amount;
  }

  #check(amount: number): void {
    if (!(amount > 0)) throw new RangeError(\`Amount must be positive, got \${amount}\`);
  }
}
`,
  errors: `export class ValidationError extends Error {
  name = "ValidationError";
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\\d+$/.test(text) || port < 1 || port > 65535) {
    throw new ValidationError(\`"\${text}" is not a port (a whole number from 1 to 65535)\`);
  }
  return port;
}

type Result = { ok: true; value: number } | { ok: false; error: string };

export function tryParsePort(text: string): Result {
  try {
    return { ok: true, value: parsePort(text) };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: error.message };
    throw error; // not ours to handle
  }
}
`,
  json: `type Todo = { title: string; done: boolean };

export function parseTodo(text: string): Todo {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("The body is not valid JSON");
  }
  if (typeof data !== "object" || data === null) throw new Error("Expected a JSON object with a title");
  const { title, done } = data as Record<string, unknown>;
  if (typeof title !== "string" || title === "") throw new Error("title must be a non-empty string");
  if (done !== undefined && typeof done !== "boolean") throw new Error("done must be true or false");
  return { title, done: done ?? false };
}
`,
  "async-await": `type Profile = { id: number };

export async function loadProfiles(
  ids: number[],
  load: (id: number) => Promise<Profile>,
): Promise<Profile[]> {
  return Promise.all(ids.map((id) => load(id)));
}
`,
  "http-handler": `type Req = { method: string; url: string; body?: string };
type Res = { status: number; headers: Record<string, string>; body: string };

const json = (status: number, data: unknown, headers: Record<string, string> = {}): Res => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(data),
});

export function handle(req: Req): Res {
  const url = new URL(req.url, "http://localhost");
  if (url.pathname !== "/hello") return json(404, { title: "Not found" });
  if (req.method !== "GET") return json(405, { title: "Method not allowed" }, { allow: "GET" });
  const name = url.searchParams.get("name") ?? "world";
  return json(200, { message: \`Hello, \${name}!\` });
}
`,
};
