import { HttpProblem } from "@/lib/http/problem";
import { lessonApi } from "@/lib/sandbox/api";

// ANY /api/* that nothing serves — a problem+json 404 rather than the site's HTML page
const notFound = lessonApi.failing(
  (req) =>
    new HttpProblem(
      "not-found",
      `Nothing lives at ${req.nextUrl.pathname}. The endpoints of each lesson are listed at the top of its page and in the API reference (/reference).`,
    ),
);

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
