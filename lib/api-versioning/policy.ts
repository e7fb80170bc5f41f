import type { Deprecation } from "@/lib/http/contract";

/** The versions of the Todo API's representation, oldest first. */
export const TODO_API_VERSIONS = [1, 2] as const;
export type TodoApiVersion = (typeof TODO_API_VERSIONS)[number];

/** The lesson section that says what changed and how to move: the migration guide. */
export const MIGRATION_GUIDE = "/learn/api-versioning#migrating-from-v1-to-v2";

// #region v1-deprecation
/**
 * v1 of the Todo API: deprecated since 1 January 2026, when v2 shipped, and kept answering at
 * least until its sunset, two years later. Every v1 answer says so (lib/http/deprecation.ts).
 */
export const TODO_V1_DEPRECATION: Deprecation = {
  since: new Date("2026-01-01T00:00:00Z"),
  sunset: new Date("2028-01-01T00:00:00Z"),
  link: MIGRATION_GUIDE,
};
// #endregion
