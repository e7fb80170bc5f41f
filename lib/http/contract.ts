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
  /** Media types the body may have; application/json by default. */
  bodyTypes?: readonly [string, ...string[]];
  /** Largest body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Who may call it: "required" (default) needs the caller identified, "optional" does not. */
  auth?: "required" | "optional";
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
