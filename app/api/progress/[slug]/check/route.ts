import { runChecks } from "@/lib/lessons/run-checks";
import * as api from "@/lib/progress/contract";
import { lessonOf } from "@/lib/progress/lesson-param";
import { portalApi } from "@/lib/sandbox/api";

// POST /api/progress/:slug/check — check my work: run the lesson's checks on my sandbox
const check = portalApi.route(api.checkWork, {
  span: ["checks", "Run the lesson's checks on your sandbox"],
  run: ({ caller, params }) => runChecks({ lesson: lessonOf(params.slug), sandboxId: caller.id }),
  respond: (report) => Response.json(report),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = portalApi.methods({ POST: check });
