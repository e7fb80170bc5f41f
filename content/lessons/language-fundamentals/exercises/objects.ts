import type { Exercise } from "@/lib/language-fundamentals/types";

export const classes: Exercise = {
  id: "classes",
  title: "A bank account",
  prompt:
    "Finish BankAccount: deposit adds to the balance, withdraw takes from it, and withdrawing more than the balance throws an Error whose message says the funds are insufficient. A deposit or withdrawal that is not a positive number throws a RangeError.",
  starter: `export class BankAccount {
  readonly owner: string;
  #balance: number; // private: only the class's own methods can read it

  constructor(owner: string, opening = 0) {
    this.owner = owner;
    this.#balance = opening;
  }

  get balance(): number {
    return this.#balance;
  }

  deposit(amount: number): void {
    this.#balance += amount;
  }

  withdraw(amount: number): void {
    // TODO
  }
}
`,
  tests: [
    {
      name: "deposits and withdraws",
      run: (t) => {
        const account = new (t.cls("BankAccount"))("Ada", 100);
        (account.deposit as (n: number) => void)(50);
        (account.withdraw as (n: number) => void)(30);
        t.equal(account.balance, 120, "balance after +50 and -30 on 100");
        t.equal(account.owner, "Ada", "owner");
      },
    },
    {
      name: "refuses to withdraw more than the balance",
      run: (t) => {
        const account = new (t.cls("BankAccount"))("Ada", 10);
        const error = t.throws(() => (account.withdraw as (n: number) => void)(11), "withdraw(11)");
        t.ok(
          error instanceof Error && /insufficient/i.test(error.message),
          `Expected an Error saying the funds are insufficient, got ${String(error)}`,
        );
        t.equal(account.balance, 10, "balance after the refused withdrawal");
      },
    },
    {
      name: "refuses amounts that are not positive",
      run: (t) => {
        const account = new (t.cls("BankAccount"))("Ada");
        const error = t.throws(() => (account.deposit as (n: number) => void)(-5), "deposit(-5)");
        t.ok(error instanceof RangeError, `Expected a RangeError, got ${String(error)}`);
        t.equal(account.balance, 0, "balance after the refused deposit");
      },
    },
  ],
};

export const errors: Exercise = {
  id: "errors",
  title: "Parse a port",
  prompt:
    'parsePort turns text like "8080" into a number, and throws a ValidationError (a class of your own, extending Error) for anything that is not a whole number from 1 to 65535. tryParsePort never throws: it returns { ok: true, value } or { ok: false, error } with the error\'s message.',
  starter: `export class ValidationError extends Error {
  name = "ValidationError";
}

export function parsePort(text: string): number {
  return Number(text);
}

type Result = { ok: true; value: number } | { ok: false; error: string };

export function tryParsePort(text: string): Result {
  return { ok: true, value: parsePort(text) };
}
`,
  tests: [
    { name: "parses a valid port", run: (t) => t.equal(t.fn("parsePort")("8080"), 8080) },
    {
      name: "throws a ValidationError naming the bad input",
      run: (t) => {
        const ValidationError = t.cls("ValidationError");
        for (const bad of ["http", "70000", "0", "80.5"]) {
          const error = t.throws(() => t.fn("parsePort")(bad), `parsePort("${bad}")`);
          t.ok(
            error instanceof ValidationError,
            `parsePort("${bad}") threw ${String(error)}, not a ValidationError`,
          );
          t.ok(
            error instanceof Error && error.message.includes(bad),
            `The message should name "${bad}": ${String(error)}`,
          );
        }
      },
    },
    {
      name: "tryParsePort returns a result instead of throwing",
      run: (t) => {
        t.equal(t.fn("tryParsePort")("443"), { ok: true, value: 443 });
        const failed = t.fn("tryParsePort")("abc") as { ok: boolean; error?: unknown };
        t.equal(failed.ok, false, 'tryParsePort("abc").ok');
        t.ok(
          typeof failed.error === "string" && failed.error.includes("abc"),
          `Expected an error message naming "abc", got ${JSON.stringify(failed)}`,
        );
      },
    },
  ],
};

export const json: Exercise = {
  id: "json",
  title: "Read a todo from JSON",
  prompt:
    'parseTodo reads JSON text like {"title":"Buy milk"} into a Todo ({ title, done }, done false when absent). Text that is not JSON throws an Error saying so; JSON without a non-empty string title throws an Error naming "title".',
  starter: `type Todo = { title: string; done: boolean };

export function parseTodo(text: string): Todo {
  const data = JSON.parse(text);
  return data;
}
`,
  tests: [
    {
      name: "reads a todo, done false by default",
      run: (t) => {
        t.equal(t.fn("parseTodo")('{"title":"Buy milk"}'), { title: "Buy milk", done: false });
        t.equal(t.fn("parseTodo")('{"title":"Call Ada","done":true}'), {
          title: "Call Ada",
          done: true,
        });
      },
    },
    {
      name: "says when the text is not JSON",
      run: (t) => {
        const error = t.throws(
          () => t.fn("parseTodo")("{title: oops}"),
          'parseTodo("{title: oops}")',
        );
        t.ok(
          error instanceof Error && /not valid JSON/i.test(error.message),
          `Expected an Error saying "not valid JSON", got ${String(error)}`,
        );
      },
    },
    {
      name: "names a missing title",
      run: (t) => {
        for (const text of ["{}", '{"title":""}', '{"title":42}', "null"]) {
          const error = t.throws(() => t.fn("parseTodo")(text), `parseTodo('${text}')`);
          t.ok(
            error instanceof Error && error.message.includes("title"),
            `parseTodo('${text}') should throw an Error naming "title", got ${String(error)}`,
          );
        }
      },
    },
  ],
};
