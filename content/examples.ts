/**
 * A request a lesson shows. The lesson renders it in a <Console>, and e2e/lesson-examples.spec.ts
 * replays every lesson's examples, in order, in one fresh sandbox against the production build,
 * checking `expect`. So lessons cannot drift from the API.
 */
export type Example = {
  /** Its key in the lesson's examples (set by defineExamples); later examples refer to it. */
  name?: string;
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** A short caption for the console. */
  title?: string;
  expect: {
    status: number;
    /** Each header must be present; a string value must be contained in it (case-insensitive). */
    headers?: Record<string, string | true>;
    /** Matched like Playwright's toMatchObject: listed fields must equal, others may vary. */
    body?: unknown;
  };
};

/** Checks each example's shape, keeps its literal keys, and gives each its name. */
export function defineExamples<const T extends Record<string, Example>>(
  examples: T,
): { [K in keyof T]: T[K] & { name: K } } {
  return Object.fromEntries(
    Object.entries(examples).map(([name, example]) => [name, { ...example, name }]),
  ) as { [K in keyof T]: T[K] & { name: K } };
}

/** `{{name.header}}` in a header value: that header of the response to the earlier example `name`. */
export const PLACEHOLDER = /\{\{(\w+)\.([\w-]+)\}\}/g;

/**
 * An example's headers with every placeholder filled from the earlier responses `seen` (by
 * example name). Some values cannot be printed in a lesson ahead of time — an ETag is new for
 * every write, in every sandbox — so an example names the earlier response it comes from.
 */
export function fillHeaders(
  example: Pick<Example, "headers">,
  seen: ReadonlyMap<string, { get(name: string): string | null | undefined }>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(example.headers ?? {}).map(([name, value]) => [
      name,
      value.replace(PLACEHOLDER, (_, from: string, header: string) => {
        const got = seen.get(from)?.get(header);
        if (!got)
          throw new Error(`{{${from}.${header}}}: no earlier response "${from}" with ${header}`);
        return got;
      }),
    ]),
  );
}
