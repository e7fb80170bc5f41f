/**
 * An operation's stable id, from its method and path: `GET /api/v1/todos/{id}` is
 * `get-api-v1-todos-id`. It is the operationId in /api/openapi.json and the operation's anchor on
 * /reference, so a lesson links to `/reference#${operationId(endpoint)}`. No imports: usable anywhere.
 */
export function operationId(operation: { method: string; path: string }): string {
  return `${operation.method} ${operation.path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The anchor of a lesson's operations on /reference: the lesson's slug. */
export function referenceHref(slug: string, operation?: { method: string; path: string }): string {
  return `/reference#${operation ? operationId(operation) : slug}`;
}
