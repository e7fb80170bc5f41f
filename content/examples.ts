/**
 * A request a lesson shows. The lesson renders it in a <Console>, and e2e/lesson-examples.spec.ts
 * replays every lesson's examples, in order, in one fresh sandbox against the production build,
 * checking `expect`. So lessons cannot drift from the API.
 */
export type Example = {
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

/** Identity function that keeps each example's literal keys while checking its shape. */
export function defineExamples<const T extends Record<string, Example>>(examples: T): T {
  return examples;
}
