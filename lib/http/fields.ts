import { z } from "zod";

/**
 * A whole number as path and query values carry it: decimal digits only, so "12" passes and
 * "0x0c", "1e1", " 12" and "12.0" do not (a plain coercion would accept them all).
 */
export function wholeNumber(
  min: number,
  max: number,
  messages: { min?: string; max?: string } = {},
) {
  return z
    .string({ error: "must be a whole number" })
    .regex(/^-?\d{1,12}$/, "must be a whole number (digits only)")
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, messages.min ?? `must be ${min} or more`)
        .max(max, messages.max ?? `must be at most ${max}`),
    );
}

/** A string field with a clear message when it is missing rather than of the wrong type. */
export function requiredString() {
  return z.string({
    error: (issue) => (issue.input === undefined ? "is required" : "must be a string"),
  });
}
