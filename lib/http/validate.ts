import type { z } from "zod";
import { MEDIA_TYPE } from "./constants";
import { ClientClosedError, type FieldError, HttpProblem } from "./problem";

type Location = FieldError["in"];

/** Every body an API here reads is bounded; 16 KiB is far above any honest lesson request. */
export const MAX_BODY_BYTES = 16 * 1024;

function fieldErrors(error: z.ZodError, location: Location): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        in: location,
        field: base ? `${base}.${key}` : key,
        message:
          location === "query" ? "is not a parameter here" : "is not a field of this resource",
      }));
    }
    return [{ in: location, field: base || "(root)", message: issue.message }];
  });
}

function invalid(errors: FieldError[], location: Location): HttpProblem {
  const names = [...new Set(errors.map((e) => e.field))].join(", ");
  return new HttpProblem("validation", `Invalid ${location} ${names}.`.replace("(root)", "value"), {
    errors,
  });
}

function check<S extends z.ZodType>(schema: S, input: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(fieldErrors(result.error, location), location);
}

/**
 * Names that would reach an object's prototype rather than be data. zod's strict objects do not
 * report them as unknown, so they are refused here.
 */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function refusePrototypeKeys(keys: Iterable<string>, location: Location): void {
  const bad = [...keys].filter((key) => PROTOTYPE_KEYS.has(key));
  if (bad.length === 0) return;
  const message =
    location === "query" ? "is not a parameter here" : "is not a field of this resource";
  throw invalid(
    bad.map((field) => ({ in: location, field, message })),
    location,
  );
}

export function parseParams<S extends z.ZodType>(params: unknown, schema: S): z.output<S> {
  return check(schema, params, "path");
}

/** The query string as an object; a repeated name keeps its last value. */
export function parseQuery<S extends z.ZodType>(
  req: Request & { nextUrl?: URL },
  schema: S,
): z.output<S> {
  // A NextRequest has its URL parsed already.
  const search = (req.nextUrl ?? new URL(req.url)).searchParams;
  refusePrototypeKeys(search.keys(), "query");
  return check(schema, Object.fromEntries(search), "query");
}

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | null): string {
  return contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
}

export function isJsonMediaType(contentType: string | null): boolean {
  const type = mediaTypeOf(contentType);
  return type === MEDIA_TYPE.json || /^application\/[\w.-]+\+json$/.test(type);
}

/**
 * Reads at most `maxBytes` of the body, failing fast when Content-Length already says more. A
 * client that disconnects half-way is a ClientClosedError, not a server error.
 */
export async function readBodyText(req: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () =>
    new HttpProblem("content-too-large", `The body must be at most ${maxBytes} bytes.`);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      if (req.signal.aborted) throw new ClientClosedError("the client disconnected");
      throw new HttpProblem("malformed-request", "The body ended before it was complete.");
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A JSON body: 415 unless its media type is one of `mediaTypes` (JSON by default), 413 when too
 * large, 400 when unreadable, 422 when invalid.
 */
export async function parseBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  {
    mediaTypes,
    maxBytes = MAX_BODY_BYTES,
  }: { mediaTypes?: readonly string[]; maxBytes?: number } = {},
): Promise<z.output<S>> {
  const contentType = req.headers.get("content-type");
  const accepted = mediaTypes ?? [MEDIA_TYPE.json];
  const type = mediaTypeOf(contentType);
  const ok = mediaTypes ? accepted.includes(type) : isJsonMediaType(contentType);
  if (!ok) {
    const list = accepted.join(" or ");
    throw new HttpProblem(
      "unsupported-media-type",
      `${
        mediaTypes
          ? `Send the body as ${list} ("Content-Type: ${accepted[0]}")`
          : `Send the body as JSON with "Content-Type: ${MEDIA_TYPE.json}"`
      }${contentType ? `, not "${contentType}"` : ""}.`,
      // Says what this method's body may be: Accept-Post for POST, Accept-Patch for PATCH.
      req.method === "POST" || req.method === "PATCH"
        ? { headers: { [`accept-${req.method.toLowerCase()}`]: accepted.join(", ") } }
        : {},
    );
  }
  const text = await readBodyText(req, maxBytes);
  if (text.trim() === "")
    throw new HttpProblem("malformed-request", "The body is empty; send a JSON object.");
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "invalid JSON";
    throw new HttpProblem("malformed-request", `The body is not valid JSON: ${reason}.`);
  }
  if (input && typeof input === "object" && !Array.isArray(input))
    refusePrototypeKeys(Object.keys(input), "body");
  return check(schema, input, "body");
}
