import { z } from "zod";
import { wholeNumber } from "@/lib/http/fields";

export const MAX_DELAY_MS = 5000;

export const statusParams = z.object({
  code: wholeNumber(200, 599, { min: "must be 200 or more (1xx are not final responses)" }),
});

export const delayParams = z.object({
  ms: wholeNumber(0, MAX_DELAY_MS),
});

export const ECHO_TYPES = ["application/json", "text/plain", "text/html"] as const;
