import { z } from "zod";
import { findLesson } from "@/content/lessons";
import { handler } from "@/lib/http/handler";
import { routeMethods } from "@/lib/http/methods";
import { HttpProblem } from "@/lib/http/problem";
import { parseParams } from "@/lib/http/validate";
import { isLessonDone, markLessonDone, markLessonNotDone } from "@/lib/progress/service";
import { findSandboxId, resolveSandbox } from "@/lib/sandbox/sandboxes";

type Params = { slug: string };
const progressParams = z.object({ slug: z.string().max(100) });

function lessonSlug(params: Params): string {
  const { slug } = parseParams(params, progressParams);
  if (!findLesson(slug)) throw new HttpProblem("not-found", `There is no lesson "${slug}".`);
  return slug;
}

// GET /api/progress/:slug — whether you marked a lesson done (no sandbox yet: not done)
const show = handler<Params>(async (req, _ctx, params) => {
  const slug = lessonSlug(params);
  const sandboxId = await findSandboxId({ req });
  const done = sandboxId ? await isLessonDone({ sandboxId, slug }) : false;
  return Response.json({ slug, done });
});

// PUT /api/progress/:slug — mark a lesson done in your sandbox
const done = handler<Params>(async (req, ctx, params) => {
  const slug = lessonSlug(params);
  const sandbox = await resolveSandbox(req, ctx);
  await markLessonDone({ sandboxId: sandbox.id, slug });
  return Response.json({ slug, done: true });
});

// DELETE /api/progress/:slug — mark it not done again
const undo = handler<Params>(async (req, ctx, params) => {
  const slug = lessonSlug(params);
  const sandbox = await resolveSandbox(req, ctx);
  await markLessonNotDone({ sandboxId: sandbox.id, slug });
  return Response.json({ slug, done: false });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods<Params>({
  GET: show,
  PUT: done,
  DELETE: undo,
});
