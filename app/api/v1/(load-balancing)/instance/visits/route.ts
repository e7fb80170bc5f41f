import * as api from "@/lib/load-balancing/contract";
import { countVisit } from "@/lib/load-balancing/service";
import { lessonApi } from "@/lib/sandbox/api";

// POST /api/v1/instance/visits — count a visit in Postgres, whichever instance serves it
const count = lessonApi.route(api.countVisit, {
  span: ["db", "Count the visit in Postgres"],
  run: ({ caller }) => countVisit({ sandboxId: caller.id }),
  respond: (view) => Response.json(view),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  POST: count,
});
