import { createHash } from "node:crypto";

/** A strong ETag derived from the exact bytes of a representation. */
export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

function listOf(header: string): string[] {
  return header
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
}

const opaque = (tag: string) => tag.replace(/^W\//, "");

/** If-None-Match uses weak comparison: `W/"x"` matches `"x"`. */
export function noneMatch(header: string | null, etag: string): boolean {
  if (header === null) return true;
  const tags = listOf(header);
  return !tags.some((tag) => tag === "*" || opaque(tag) === opaque(etag));
}

/** If-Match uses strong comparison: weak tags never match. */
export function ifMatch(header: string | null, etag: string | undefined): boolean {
  if (header === null) return true;
  const tags = listOf(header);
  if (tags.includes("*")) return etag !== undefined;
  return etag !== undefined && tags.some((tag) => !tag.startsWith("W/") && tag === etag);
}
