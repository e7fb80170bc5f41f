import { defineQuiz } from "@/lib/quizzes/define";

/** The lesson's knowledge check; its page shows it, the server grades it. */

export const typescriptBasics = defineQuiz({
  id: "typescript-basics",
  title: "TypeScript at a glance",
  questions: [
    {
      id: "types-at-run-time",
      kind: "single",
      prompt: "What happens to a type annotation such as `port: number` when your code runs?",
      explanation:
        "TypeScript's types are checked before the code runs and then erased: the JavaScript that runs has none, so data from outside (JSON, a request body) must be checked by your code.",
      options: [
        {
          id: "erased",
          text: "It is erased: the running JavaScript has no types",
          correct: true,
          explanation: "That is why the JSON exercise checks the parsed value's shape by hand.",
        },
        {
          id: "checked",
          text: "The runtime checks every value against it",
          explanation:
            "No runtime does: `JSON.parse` can hand a string to a `number` variable without any error.",
        },
        {
          id: "converted",
          text: "Values are converted to the declared type",
          explanation:
            'Nothing is converted; `"8080"` stays a string whatever the annotation says.',
        },
      ],
    },
    {
      id: "promise-all",
      kind: "single",
      prompt:
        "`await Promise.all([a(), b()])` where `b()` rejects after 10 ms and `a()` resolves after 100 ms. What happens?",
      explanation:
        "`Promise.all` rejects as soon as any of its promises rejects, with that reason; it does not wait for the others (they keep running, their results are ignored).",
      options: [
        {
          id: "rejects-early",
          text: "The `await` throws `b`'s error after about 10 ms",
          correct: true,
          explanation: "Use `Promise.allSettled` when you need every outcome.",
        },
        {
          id: "waits",
          text: "It waits 100 ms, then throws",
          explanation: "It does not wait for `a()`; the first rejection settles it.",
        },
        {
          id: "partial",
          text: "It resolves with `[resultOfA, undefined]`",
          explanation: "A rejection is never turned into `undefined`; the `await` throws.",
        },
      ],
    },
    {
      id: "truthy",
      kind: "multiple",
      prompt: "Which of these values are falsy in JavaScript?",
      explanation:
        'The falsy values are `false`, `0`, `-0`, `0n`, `""`, `null`, `undefined` and `NaN`; everything else, empty arrays and objects included, is truthy.',
      options: [
        {
          id: "zero",
          text: "`0`",
          correct: true,
          explanation: "Falsy: a count of 0 fails `if (count)`.",
        },
        {
          id: "empty-string",
          text: '`""`',
          correct: true,
          explanation: "Falsy: an empty string fails `if (title)`.",
        },
        {
          id: "empty-array",
          text: "`[]`",
          explanation: "Truthy, though empty: test `list.length === 0` instead.",
        },
        {
          id: "string-false",
          text: '`"false"`',
          explanation: "Truthy: any non-empty string, whatever it says. Query values are strings.",
        },
      ],
    },
    {
      id: "equality",
      kind: "single",
      prompt: "Which comparison should backend code use to compare two values?",
      explanation:
        '`===` compares without converting types; `==` converts first (`0 == ""` is true), which hides bugs.',
      options: [
        {
          id: "strict",
          text: "`===` (and `!==`)",
          correct: true,
          explanation: 'No conversions: `1 === "1"` is false, as it should be.',
        },
        {
          id: "loose",
          text: "`==`, since it is shorter",
          explanation:
            '`==` converts types first: `null == undefined` and `0 == ""` are both true.',
        },
        {
          id: "object-is",
          text: "Only `Object.is`",
          explanation:
            "`Object.is` differs from `===` only for `NaN` and `-0`; `===` is the everyday choice.",
        },
      ],
    },
  ],
});

export const quizzes = [typescriptBasics];
