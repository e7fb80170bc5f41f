import { lessons } from "@/content/lessons";
import { progressApi } from "@/lib/progress/contract";
import { sandboxApi } from "@/lib/sandbox/contract";
import { buildOpenApiDocument, type OperationGroup } from "./document";
import type { OpenApiDocument } from "./types";

/** The portal's own operations: getting a sandbox and tracking lessons in it. */
export const PORTAL_TAG = "Your sandbox";

const DESCRIPTION = `Every lesson of Backend Mastery Journey teaches an API that runs live, on real Postgres, in **your own sandbox**: its data is yours alone, and every request you send lands in its request log.

## Get a key

\`POST /api/sandbox\` creates your sandbox and answers \`201 Created\` with its key (\`sbx_…\`), in the body and in the \`X-Sandbox-Key\` header:

    curl -i -X POST https://<this site>/api/sandbox

Send that key in \`X-Sandbox-Key\` with every request. In the browser, a lesson's console does all this for you and keeps the key in an httpOnly cookie, which authorizes requests made from this site's pages.

## Errors

Every error is \`application/problem+json\` (RFC 9457): \`type\` links to the lesson section that explains it, and \`requestId\` finds the request in your log. Any request can also be refused with 401 (no usable key), 429 (too many requests: wait \`Retry-After\` seconds) or 500; a method that a path does not serve answers 405 with \`Allow\`.`;

/** Lesson APIs under each lesson's title, in reading order, then the portal's. */
export function siteOperationGroups(): OperationGroup[] {
  const lessonGroups: OperationGroup[] = lessons
    .filter((lesson) => lesson.api.length > 0)
    .map(({ meta, api }) => ({
      tag: {
        name: meta.title,
        description: meta.summary,
        externalDocs: { description: `Read the lesson: ${meta.title}`, url: `/learn/${meta.slug}` },
      },
      operations: api,
    }));
  return [
    ...lessonGroups,
    {
      tag: {
        name: PORTAL_TAG,
        description:
          "Create your sandbox and get its key, read its request log, reset it, and track your progress through the lessons.",
        externalDocs: { description: "Your sandbox page", url: "/sandbox" },
      },
      operations: [...sandboxApi, ...progressApi],
    },
  ];
}

let built: OpenApiDocument | undefined;

/** This site's OpenAPI document: every lesson API and the portal's, built once from the contracts. */
export function siteOpenApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument(
    {
      title: "Backend Mastery Journey — sandbox APIs",
      version: "1.0.0",
      summary: "Every lesson's live API, running in your own sandbox.",
      description: DESCRIPTION,
    },
    siteOperationGroups(),
  );
  return built;
}
