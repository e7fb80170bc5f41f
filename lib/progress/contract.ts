import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";

export const progressParams = z.strictObject({
  slug: z.string().max(100, "must be at most 100 characters"),
});

export const progressView = z.strictObject({ slug: z.string(), done: z.boolean() });

export const checkReport = z.strictObject({
  slug: z.string(),
  passed: z.boolean(),
  checks: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      passed: z.boolean(),
      hint: z.string().optional(),
    }),
  ),
});
export type CheckReport = z.infer<typeof checkReport>;

export const showProgress = defineOperation({
  method: "GET",
  path: "/api/progress/{slug}",
  summary: "Whether a lesson is done in your sandbox",
  auth: "optional",
  params: progressParams,
  responses: { 200: { description: "Done or not (no sandbox yet: not done)", body: progressView } },
  problems: ["not-found"],
});

export const markDone = defineOperation({
  method: "PUT",
  path: "/api/progress/{slug}",
  summary: "Mark a lesson without checks done",
  params: progressParams,
  responses: { 200: { description: "Marked done", body: progressView } },
  problems: ["not-found", "conflict", "forbidden"],
});

export const markNotDone = defineOperation({
  method: "DELETE",
  path: "/api/progress/{slug}",
  summary: "Mark a lesson not done again",
  params: progressParams,
  responses: { 200: { description: "Marked not done", body: progressView } },
  problems: ["not-found", "forbidden"],
});

export const checkWork = defineOperation({
  method: "POST",
  path: "/api/progress/{slug}/check",
  summary: "Check my work: run the lesson's checks on your sandbox",
  params: progressParams,
  responses: {
    200: {
      description: "Each check's result; all passed marks the lesson done",
      body: checkReport,
    },
  },
  problems: ["not-found", "forbidden"],
});

export const progressApi = [showProgress, markDone, markNotDone, checkWork] as const;
