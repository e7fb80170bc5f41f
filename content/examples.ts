import { z } from "zod";
import { CAPTURE_FROM, VARIABLE_NAME, variablesIn } from "./variables";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const text = z.record(z.string(), z.string());

const exampleSchema = z
  .object({
    method: z.enum(METHODS),
    path: z.string().startsWith("/"),
    query: text.optional(),
    headers: text.optional(),
    body: z.unknown().optional(),
    form: text.optional(),
    captures: z
      .record(
        z.string(),
        z.string().regex(CAPTURE_FROM, 'say where: "body.field" or "header.name"'),
      )
      .optional(),
    title: z.string().min(1).optional(),
    window: z.number().int().positive().optional(),
    expect: z.object({
      status: z.number().int().min(100).max(599),
      headers: z.record(z.string(), z.union([z.string(), z.literal(true)])).optional(),
      body: z.unknown().optional(),
    }),
  })
  .strict()
  .refine((e) => e.body === undefined || e.form === undefined, {
    message: "an example sends a JSON body or a form, not both",
  });

/**
 * A request a lesson shows. The lesson renders it in a <Console>, and the example replays
 * (tests/support/replay-examples.ts, run by e2e/lesson-examples.spec.ts and each lesson's Vitest
 * file) send every lesson's examples in order, in one fresh sandbox, checking `expect`. So lessons
 * cannot drift from the API.
 */
export type Example = {
  /** Its key in the lesson's examples (set by defineExamples). */
  name?: string;
  method: (typeof METHODS)[number];
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `application/x-www-form-urlencoded` fields instead of a JSON body. */
  form?: Record<string, string>;
  /**
   * Values of its response saved as variables for later requests, which write them `{{name}}`:
   * `{ accessToken: "body.accessToken" }` (a JSON body field, dotted for nested ones) or
   * `{ todo2Etag: "header.etag" }`. The console saves them when the learner sends it, the
   * replays when they do.
   */
  captures?: Record<string, string>;
  /** A short caption for the console. */
  title?: string;
  /**
   * The seconds of a clock-aligned window this example starts (a fixed-window limit): the replays
   * send it only when at least 3 s of that window remain, so no window ends between it and the
   * examples after it that count on the same window.
   */
  window?: number;
  expect: {
    status: number;
    /** Each header must be present; a string value must be contained in it (case-insensitive). */
    headers?: Record<string, string | true>;
    /** Matched like Playwright's toMatchObject: listed fields must equal, others may vary. */
    body?: unknown;
  };
};

/** Every text of an example's request that may use `{{variables}}`. */
export function requestTexts(example: Omit<Example, "expect">): string[] {
  return [
    example.path,
    ...Object.entries(example.query ?? {}).flat(),
    ...Object.values(example.headers ?? {}),
    ...Object.entries(example.form ?? {}).flat(),
    example.body === undefined ? "" : JSON.stringify(example.body),
  ];
}

/** `{{login.body.accessToken}}`: how examples named earlier responses before captures. */
const OLD_PLACEHOLDER = /\{\{\s*\w+\.[\w.-]+\s*\}\}/;

/**
 * Checks each example's shape, and that every `{{variable}}` it uses is captured by an example
 * before it (a lesson's story runs on a fresh sandbox, from the top); keeps the literal keys and
 * gives each example its name. A mistake stops the build and the tests with the example's name.
 */
export function defineExamples<const T extends Record<string, Example>>(
  examples: T,
): { [K in keyof T]: T[K] & { name: K } } {
  const captured = new Set<string>();
  for (const [name, example] of Object.entries(examples)) {
    const parsed = exampleSchema.safeParse(example);
    if (!parsed.success)
      throw new Error(`Example "${name}": ${z.prettifyError(parsed.error).replace(/\n/g, " ")}`);
    for (const text of requestTexts(example)) {
      const old = OLD_PLACEHOLDER.exec(text);
      if (old)
        throw new Error(
          `Example "${name}" uses ${old[0]}: capture the value in that example instead (captures: { myName: "body.field" } or "header.etag") and write {{myName}}.`,
        );
      for (const variable of variablesIn(text))
        if (!captured.has(variable))
          throw new Error(
            `Example "${name}" uses {{${variable}}}, which no example before it captures.`,
          );
    }
    for (const variable of Object.keys(example.captures ?? {})) {
      if (!VARIABLE_NAME.test(variable))
        throw new Error(
          `Example "${name}" captures "${variable}": a variable name is a letter or _, then letters, digits or _.`,
        );
      captured.add(variable);
    }
  }
  return Object.fromEntries(
    Object.entries(examples).map(([name, example]) => [name, { ...example, name }]),
  ) as { [K in keyof T]: T[K] & { name: K } };
}
