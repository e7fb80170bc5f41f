import { HttpProblem } from "@/lib/http/problem";
import * as api from "@/lib/progress/contract";
import { lessonOf } from "@/lib/progress/lesson-param";
import { isLessonDone, markLessonDone, markLessonNotDone } from "@/lib/progress/service";
import { portalApi } from "@/lib/sandbox/api";

// GET /api/progress/:slug — whether a lesson is done (no sandbox yet: not done)
const show = portalApi.route(api.showProgress, {
  run: ({ caller, params }) => {
    const { slug } = lessonOf(params.slug).meta;
    return caller ? isLessonDone({ sandboxId: caller.id, slug }) : false;
  },
  respond: (done, { params }) => Response.json({ slug: params.slug, done }),
});

// PUT /api/progress/:slug — mark a lesson done; one with checks is done when they pass
const done = portalApi.route(api.markDone, {
  run: async ({ caller, params }) => {
    const lesson = lessonOf(params.slug);
    if (lesson.checks.length > 0) {
      throw new HttpProblem(
        "conflict",
        `"${lesson.meta.title}" is done when its checks pass: POST /api/progress/${lesson.meta.slug}/check.`,
      );
    }
    await markLessonDone({ sandboxId: caller.id, slug: lesson.meta.slug });
  },
  respond: (_, { params }) => Response.json({ slug: params.slug, done: true }),
});

// DELETE /api/progress/:slug — mark it not done again
const undo = portalApi.route(api.markNotDone, {
  run: ({ caller, params }) =>
    markLessonNotDone({ sandboxId: caller.id, slug: lessonOf(params.slug).meta.slug }),
  respond: (_, { params }) => Response.json({ slug: params.slug, done: false }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = portalApi.methods({
  GET: show,
  PUT: done,
  DELETE: undo,
});
