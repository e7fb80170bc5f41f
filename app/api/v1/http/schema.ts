import { z } from "zod";

export const MAX_DELAY_MS = 5000;

export const statusParams = z.object({
  code: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(200, "must be 200 or more (1xx are not final responses)")
    .max(599, "must be at most 599"),
});

export const delayParams = z.object({
  ms: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(0, "must be 0 or more")
    .max(MAX_DELAY_MS, `must be at most ${MAX_DELAY_MS}`),
});

export const ECHO_TYPES = ["application/json", "text/plain", "text/html"] as const;
