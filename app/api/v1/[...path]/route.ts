import { handler } from "@/lib/http/handler";
import { HTTP_METHODS } from "@/lib/http/methods";
import { HttpProblem } from "@/lib/http/problem";

// ANY /api/v1/* that no lesson serves — a problem+json 404 rather than the site's HTML page
const notFound = handler<{ path: string[] }>(async (req) => {
  throw new HttpProblem(
    "not-found",
    `Nothing lives at ${req.nextUrl.pathname}. The endpoints of each lesson are listed at the top of its page.`,
  );
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = Object.fromEntries(
  HTTP_METHODS.map((method) => [method, notFound]),
) as Record<(typeof HTTP_METHODS)[number], typeof notFound>;
