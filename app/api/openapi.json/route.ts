import { siteOpenApiDocument } from "@/lib/openapi/site-document";

// GET /api/openapi.json — the OpenAPI 3.1 description of every lesson API, built from the contracts
export const dynamic = "force-static";

export function GET() {
  return Response.json(siteOpenApiDocument(), {
    headers: {
      // The same for everyone and changes only with a deploy; any tool on any site may read it.
      "cache-control": "public, max-age=300, stale-while-revalidate=86400",
      "access-control-allow-origin": "*",
    },
  });
}
