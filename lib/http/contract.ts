import type { z } from "zod";
import type { HttpMethod } from "./constants";
import type { ProblemKind } from "./problem";

/** A header a response sends, as the API reference documents it. */
export type HeaderSpec = { description: string; required?: boolean };

export type ResponseSpec = {
  description: string;
  /** The JSON body's schema; none for bodiless answers (204, 304). */
  body?: z.ZodType;
  /** Defaults to application/json when there is a body. */
  contentType?: string;
  headers?: Record<string, HeaderSpec>;
};

/**
 * An operation that is on its way out: every answer says so in `Deprecation` (RFC 9745, the date
 * it was deprecated), `Sunset` (RFC 8594, the date it may stop answering) and a `Link` with
 * rel="deprecation" to what to read (a site path: relative, so it resolves against the origin the
 * client used). The API reference marks it deprecated.
 */
export type Deprecation = { since: Date; sunset: Date; link: string };

/**
 * One operation of an API, its contract: what it takes (path params, query, body) and what it
 * answers. The route kit validates requests with it, the typed test client checks responses
 * against it, lessons list it, and /api/openapi.json is generated from it.
 */
export type Operation = {
  method: Exclude<HttpMethod, "HEAD" | "OPTIONS">;
  /** OpenAPI style: `/api/v1/todos/{id}`. */
  path: string;
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Request headers it reads besides those of the kit (documented as header parameters). */
  requestHeaders?: Record<string, HeaderSpec>;
  /** Media types the body may have; application/json by default. */
  bodyTypes?: readonly [string, ...string[]];
  /** Largest body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Who may call it: "required" (default) needs the caller identified, "optional" does not. */
  auth?: "required" | "optional";
  /**
   * Also needs one of the sandbox's users: an access token in `Authorization: Bearer` (RFC 6750).
   * The handler verifies it (lib/jwt-auth/bearer.ts); this documents it.
   */
  bearer?: boolean;
  /**
   * Also needs one of the sandbox's users by a session cookie (the sessions lesson's); changes
   * made with it also need the session's CSRF token. The handler checks both; this documents it.
   */
  session?: boolean;
  /**
   * Reached by a public id in its path instead of the sandbox key (the RealWorld API): `auth` then
   * says whether it needs one of the blog's users, by `Authorization: Token <jwt>`.
   */
  publicId?: boolean;
  /** Set when the operation is deprecated (see Deprecation). */
  deprecation?: Deprecation;
  responses: Record<number, ResponseSpec>;
  /** The problems it can answer (besides those every route can: 401, 405, 429, 500). */
  problems?: readonly ProblemKind[];
};

/** Declares an operation, keeping its literal types for the handler's inputs. */
export function defineOperation<const O extends Operation>(operation: O): O {
  return operation;
}

/** The validated value of an optional schema, or undefined when the operation has none. */
export type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
