import type { z } from "zod";
import { type FieldError, HttpProblem } from "./problem";

type Location = FieldError["in"];

/** Every body a lesson API reads is bounded; 16 KiB is far above any honest todo. */
export const MAX_BODY_BYTES = 16 * 1024;

function fieldErrors(error: z.ZodError, location: Location): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        in: location,
        field: base ? `${base}.${key}` : key,
        message: "is not a field of this resource",
      }));
    }
    return [{ in: location, field: base || "(root)", message: issue.message }];
  });
}

function check<S extends z.ZodType>(schema: S, input: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error, location);
  const names = [...new Set(errors.map((e) => e.field))].join(", ");
  throw new HttpProblem("validation", `Invalid ${location} ${names}.`.replace("(root)", "value"), {
    errors,
  });
}

export function parseParams<S extends z.ZodType>(params: unknown, schema: S): z.output<S> {
  return check(schema, params, "path");
}

/** The query string as an object; a repeated name keeps its last value. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  return check(schema, query, "query");
}

export function isJsonMediaType(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[\w.-]+\+json$/.test(type);
}

/** Reads at most `maxBytes` of the body, failing fast when Content-Length already says more. */
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
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JSON body: 415 unless it says it is JSON, 413 when too large, 400 when unreadable, 422 when invalid. */
export async function parseJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.output<S>> {
  const contentType = req.headers.get("content-type");
  if (!isJsonMediaType(contentType)) {
    throw new HttpProblem(
      "unsupported-media-type",
      `Send the body as JSON with "Content-Type: application/json"${contentType ? `, not "${contentType}"` : ""}.`,
      { headers: { "accept-post": "application/json", "accept-patch": "application/json" } },
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
  return check(schema, input, "body");
}
