import * as instance from "@/app/api/v1/(load-balancing)/instance/route";
import * as visits from "@/app/api/v1/(load-balancing)/instance/visits/route";
import { call } from "../harness";

/** GET /api/v1/instance through its route handler, as the sandbox `key`. */
export const whoAnswered = (key: string, headers?: Record<string, string>) =>
  call(instance.GET, "/api/v1/instance", {}, { key, headers });

/** POST /api/v1/instance/visits through its route handler. */
export const countVisit = (key: string) =>
  call(visits.POST, "/api/v1/instance/visits", {}, { method: "POST", key });
