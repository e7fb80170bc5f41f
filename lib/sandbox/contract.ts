import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";
import { wholeNumber } from "@/lib/http/fields";
import { REQUEST_LOG_KEEP } from "./request-log-size";

/** The portal's sandbox endpoints: how a learner (or curl) gets, inspects and resets a sandbox. */

/** The sandbox's blog as a public RealWorld API (lib/blog-api/realworld). */
const realworldFields = {
  realworldPublicId: z
    .string()
    .describe("Your blog's public id (rw_…): the part of realworldBaseUrl that names your blog"),
  realworldBaseUrl: z
    .string()
    .describe(
      "Your blog's RealWorld (Conduit) API: give it to a RealWorld frontend as its API root. Public: reads are open, writes need its own user tokens",
    ),
  realworldEnabled: z
    .boolean()
    .describe("Whether the RealWorld API answers (you can switch it off)"),
};

export const sandboxView = z.strictObject({
  id: z.uuid(),
  key: z.string().startsWith("sbx_"),
  created: z.boolean(),
  /** Lesson API requests in the log. */
  requests: z.number().int().nonnegative(),
  ...realworldFields,
});

export const showSandbox = defineOperation({
  method: "GET",
  path: "/api/sandbox",
  summary: "Your sandbox and its key (never creates one)",
  auth: "optional",
  responses: {
    200: {
      description: "The sandbox your key or cookie names (signed in: your account's)",
      body: sandboxView,
    },
  },
  problems: ["not-found"],
});

export const createSandbox = defineOperation({
  method: "POST",
  path: "/api/sandbox",
  summary: "Create your sandbox (or get the one you already have)",
  auth: "optional",
  responses: {
    201: {
      description:
        "A new sandbox: its key is in the body, in X-Sandbox-Key and (browsers) a cookie",
      body: sandboxView,
      headers: { "x-sandbox-key": { description: "The new sandbox's key", required: true } },
    },
    200: {
      description: "You (or, signed in, your account) already have a sandbox: that one",
      body: sandboxView,
    },
  },
  problems: ["forbidden", "rate-limited"],
});

export const resetSandbox = defineOperation({
  method: "POST",
  path: "/api/sandbox/reset",
  summary: "Wipe your sandbox's lesson data and request log, then seed it again",
  responses: {
    200: { description: "Reset", body: z.strictObject({ id: z.uuid(), reset: z.literal(true) }) },
  },
  problems: ["forbidden"],
});

const span = z.object({
  name: z.string(),
  start: z.number(),
  dur: z.number(),
  desc: z.string().optional(),
});

export const logEntry = z.strictObject({
  id: z.number().int(),
  requestId: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  durationMs: z.number().int(),
  spans: z.array(span),
  requestHeaders: z.array(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
});

export const readLog = defineOperation({
  method: "GET",
  path: "/api/sandbox/log",
  summary: "Your sandbox's latest lesson API requests, newest first",
  query: z.strictObject({ limit: wholeNumber(1, REQUEST_LOG_KEEP).default(50) }),
  responses: { 200: { description: "The log", body: z.strictObject({ data: z.array(logEntry) }) } },
  problems: ["validation"],
});

export const switchRealworld = defineOperation({
  method: "PUT",
  path: "/api/sandbox/realworld",
  summary: "Switch your blog's public RealWorld API on or off",
  body: z.strictObject({
    enabled: z.boolean({ error: "must be true or false" }).describe("true: on, false: off"),
  }),
  responses: {
    200: { description: "The RealWorld API as it now is", body: z.strictObject(realworldFields) },
  },
  problems: ["forbidden"],
});

export const sandboxApi = [
  createSandbox,
  showSandbox,
  resetSandbox,
  readLog,
  switchRealworld,
] as const;
