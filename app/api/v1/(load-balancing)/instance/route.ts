import * as api from "@/lib/load-balancing/contract";
import { describeInstance } from "@/lib/load-balancing/service";
import { lessonApi } from "@/lib/sandbox/api";

// #region route
// GET /api/v1/instance — which instance answered (every response also says so in X-Served-By)
const show = lessonApi.route(api.showInstance, {
  // 1. Your sandbox was identified and counted (Postgres and Redis: shared by every instance).
  // 2. Nothing here is stored: any instance can answer, and a balancer may retry it elsewhere.
  run: () => describeInstance(),
  // 3. The kit adds X-Served-By and the `instance` span to this response, as to every other.
  respond: (view) => Response.json(view),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: show });
