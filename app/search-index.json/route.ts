import { buildSearchIndex } from "@/lib/search/build";

// GET /search-index.json — the lesson search index, built from the lessons at build time
export const dynamic = "force-static";

export async function GET() {
  return Response.json(await buildSearchIndex(), {
    // The same for everyone and changes only with a deploy.
    headers: { "cache-control": "public, max-age=300, stale-while-revalidate=86400" },
  });
}
