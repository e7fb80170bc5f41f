import type { Exercise } from "@/lib/language-fundamentals/types";

export const types: Exercise = {
  id: "types",
  title: "Describe a user",
  prompt:
    "Return the name and age, like Ada (36), then the email in angle brackets when there is one.",
  starter: `type User = {
  name: string;
  age: number;
  email?: string; // optional
};

export function describeUser(user: User): string {
  return user.name;
}
`,
  tests: [
    {
      name: "describes a user without an email",
      run: (t) => t.equal(t.fn("describeUser")({ name: "Ada", age: 36 }), "Ada (36)"),
    },
    {
      name: "adds the email in angle brackets",
      run: (t) =>
        t.equal(
          t.fn("describeUser")({ name: "Grace", age: 45, email: "grace@example.com" }),
          "Grace (45) <grace@example.com>",
        ),
    },
  ],
};

export const loops: Exercise = {
  id: "loops",
  title: "FizzBuzz",
  prompt:
    'Return the numbers from 1 to n as strings, but "Fizz" for multiples of 3, "Buzz" for multiples of 5 and "FizzBuzz" for multiples of both.',
  starter: `export function fizzBuzz(n: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(String(i));
  }
  return out;
}
`,
  tests: [
    {
      name: "counts to 5 with Fizz and Buzz",
      run: (t) => t.equal(t.fn("fizzBuzz")(5), ["1", "2", "Fizz", "4", "Buzz"]),
    },
    {
      name: "says FizzBuzz at 15",
      run: (t) => t.equal((t.fn("fizzBuzz")(15) as string[])[14], "FizzBuzz", "fizzBuzz(15)[14]"),
    },
    { name: "returns an empty list for 0", run: (t) => t.equal(t.fn("fizzBuzz")(0), []) },
  ],
};

export const functions: Exercise = {
  id: "functions",
  title: "Counters and pipes",
  prompt:
    "makeCounter(start) returns a function that returns start + 1, start + 2, … on each call (start defaults to 0). pipe(f, g, …) returns a function that passes its argument through f, then g, and so on.",
  starter: `export function makeCounter(start = 0): () => number {
  return () => start;
}

export function pipe(...fns: Array<(x: number) => number>): (x: number) => number {
  return (x) => x;
}
`,
  tests: [
    {
      name: "a counter counts from its start",
      run: (t) => {
        const next = t.fn("makeCounter")(10) as () => number;
        t.equal([next(), next(), next()], [11, 12, 13], "three calls");
      },
    },
    {
      name: "two counters count on their own, from 0 by default",
      run: (t) => {
        const a = t.fn("makeCounter")() as () => number;
        const b = t.fn("makeCounter")() as () => number;
        a();
        a();
        t.equal([a(), b()], [3, 1], "a third call of one, a first of the other");
      },
    },
    {
      name: "pipe applies the functions in order",
      run: (t) => {
        const addOneThenDouble = t.fn("pipe")(
          (x: number) => x + 1,
          (x: number) => x * 2,
        ) as (x: number) => number;
        t.equal(addOneThenDouble(3), 8, "pipe(add1, double)(3)");
      },
    },
  ],
};

export const collections: Exercise = {
  id: "collections",
  title: "Totals by category",
  prompt:
    "Given order lines with a category, a price in cents and a quantity, return the total in cents per category, as an object.",
  starter: `type Line = { category: string; priceCents: number; quantity: number };

export function totalsByCategory(lines: Line[]): Record<string, number> {
  const totals: Record<string, number> = {};
  return totals;
}
`,
  tests: [
    {
      name: "adds up lines of the same category",
      run: (t) =>
        t.equal(
          t.fn("totalsByCategory")([
            { category: "books", priceCents: 1200, quantity: 2 },
            { category: "pens", priceCents: 150, quantity: 10 },
            { category: "books", priceCents: 800, quantity: 1 },
          ]),
          { books: 3200, pens: 1500 },
        ),
    },
    { name: "no lines, no totals", run: (t) => t.equal(t.fn("totalsByCategory")([]), {}) },
  ],
};
