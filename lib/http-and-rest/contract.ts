import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";
import { wholeNumber } from "@/lib/http/fields";

export const MAX_DELAY_MS = 5000;

export const statusParams = z.strictObject({
  code: wholeNumber(200, 599, { min: "must be 200 or more (1xx are not final responses)" }),
});

export const delayParams = z.strictObject({
  ms: wholeNumber(0, MAX_DELAY_MS),
});

export const ECHO_TYPES = ["application/json", "text/plain", "text/html"] as const;

/** The echo: the request as the server received it. */
export const echoView = z.object({
  method: z.string(),
  path: z.string(),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  bodyBytes: z.number().int().nonnegative(),
});

const echoResponses = {
  200: {
    description: "Your request, as JSON, text or HTML depending on Accept",
    body: echoView,
    headers: { vary: { description: "Accept: the answer depends on it", required: true } },
  },
} as const;

const echoOperation = <M extends "GET" | "POST" | "PUT" | "PATCH" | "DELETE">(method: M) =>
  defineOperation({
    method,
    path: "/api/v1/http/echo",
    summary:
      method === "GET"
        ? "See your request exactly as the server received it"
        : `${method} anything and see it echoed back`,
    responses: echoResponses,
    problems: ["not-acceptable", "content-too-large"],
  });

export const echoGet = echoOperation("GET");
export const echoPost = echoOperation("POST");
export const echoPut = echoOperation("PUT");
export const echoPatch = echoOperation("PATCH");
export const echoDelete = echoOperation("DELETE");

export const statusOnDemand = defineOperation({
  method: "GET",
  path: "/api/v1/http/status/{code}",
  summary: "Answer with the status you ask for (200–599)",
  params: statusParams,
  responses: {
    200: {
      description: "A 2xx or 3xx answers with what the status means",
      body: z.object({ status: z.number(), reason: z.string(), meaning: z.string() }),
    },
  },
  problems: ["validation"],
});

export const delay = defineOperation({
  method: "GET",
  path: "/api/v1/http/delay/{ms}",
  summary: `Answer after waiting ms milliseconds (at most ${MAX_DELAY_MS})`,
  params: delayParams,
  responses: {
    200: {
      description: "Answered after the wait",
      body: z.strictObject({ delayedMs: z.number().int().nonnegative() }),
    },
  },
  problems: ["validation"],
});

/** The HTTP inspector, in the order the lesson teaches it. */
export const httpInspectorApi = [
  echoGet,
  echoPost,
  echoPut,
  echoPatch,
  echoDelete,
  statusOnDemand,
  delay,
] as const;
