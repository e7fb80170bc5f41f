/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, refusing
 * connections), as opposed to a query that is wrong. Such a request is worth retrying in a moment,
 * so the API answers 503 with Retry-After instead of 500.
 */

/** Socket errors of Node's net module, and postgres.js's own connection errors. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * SQLSTATEs of a server going away or not accepting connections: class 08 (connection
 * exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up
 * or shutting down), 53300 too_many_connections.
 */
function unavailableState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300"].includes(code);
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || unavailableState(code))) {
    return true;
  }
  // Drizzle wraps the driver's error (DrizzleQueryError.cause); Node reports a host with several
  // addresses refusing as an AggregateError of each attempt.
  if (cause && isDatabaseUnavailable(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1));
}

/** How long a client should wait before retrying while the database is unreachable (seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
