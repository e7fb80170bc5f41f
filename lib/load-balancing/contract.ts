import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";
import { SERVED_BY_HEADER } from "@/lib/http/instance";

const servedBy = {
  [SERVED_BY_HEADER]: {
    description: "The instance that answered (INSTANCE_NAME, or its host name and process id)",
    required: true,
  },
} as const;

export const instanceView = z.strictObject({
  instance: z.string().describe("This instance's name, as in X-Served-By"),
  startedAt: z.iso.datetime().describe("When this instance's process started"),
  uptimeSeconds: z.number().int().nonnegative(),
  servedHere: z
    .number()
    .int()
    .min(1)
    .describe(
      "Requests to this endpoint this instance has answered since it started, for everyone: memory of one process, which no other instance shares",
    ),
});

export type InstanceView = z.infer<typeof instanceView>;

export const visitView = z.strictObject({
  visits: z
    .number()
    .int()
    .min(1)
    .describe("Your sandbox's visits so far, counted in Postgres whichever instance served them"),
  countedBy: z.string().describe("The instance that counted this visit"),
  previousBy: z
    .string()
    .nullable()
    .describe("The instance that counted the visit before; null for the first"),
});

export type VisitView = z.infer<typeof visitView>;

export const showInstance = defineOperation({
  method: "GET",
  path: "/api/v1/instance",
  summary: "Which server instance answered: its name, uptime, and a counter only it keeps",
  description:
    "Safe and idempotent, so a load balancer may retry it on another instance. Burst it behind `npm run start:cluster` to see the requests spread.",
  responses: {
    200: { description: "The instance that answered", body: instanceView, headers: servedBy },
  },
});

export const countVisit = defineOperation({
  method: "POST",
  path: "/api/v1/instance/visits",
  summary: "Count a visit in shared state (Postgres): the count goes on whichever instance serves",
  description:
    "Not idempotent: each call adds one. A load balancer must not resend it to another instance once it may have reached one.",
  responses: {
    200: { description: "Counted", body: visitView, headers: servedBy },
  },
});

/** The load-balancing lab, in the order the lesson teaches it. */
export const loadBalancingApi = [showInstance, countVisit] as const;
