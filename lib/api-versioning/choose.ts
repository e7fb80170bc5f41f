import Negotiator from "negotiator";
import { MEDIA_TYPE } from "@/lib/http/constants";
import { HttpProblem } from "@/lib/http/problem";
import { TODO_API_VERSIONS, type TodoApiVersion } from "./policy";

/** The request header that names a version, and the media types that do. */
export const VERSION_HEADER = "api-version";
export const versionMediaType = (version: TodoApiVersion) =>
  `application/vnd.bmj.todo.v${version}+json`;
const VERSIONED_TYPE = /application\/vnd\.bmj\.todo\.v([^+;,\s]*)\+json/gi;

/** Both headers choose the answer, so caches must key on both (RFC 9110 §12.5.5). */
export const VERSION_VARY = "API-Version, Accept";

export type VersionChoice = {
  version: TodoApiVersion;
  /** What the answer is labelled: the versioned media type when Accept asked for one. */
  contentType: string;
  by: "api-version" | "accept" | "default";
};

const supported = TODO_API_VERSIONS.join(", ");

// #region choose
/**
 * Which version of the Todo API a request to /api/todos asks for: `API-Version: 2`, or
 * `Accept: application/vnd.bmj.todo.v2+json`, or neither (v1, what every client got before
 * versions existed). An unknown version is an error, never a silent fallback: 400 for the
 * header, 406 for a media type we cannot produce, 400 when the two disagree.
 */
export function chooseVersion(req: Request): VersionChoice {
  const fromHeader = headerVersion(req.headers.get(VERSION_HEADER));
  const accept = req.headers.get("accept") ?? "";
  const named = [...accept.matchAll(VERSIONED_TYPE)];
  if (named.length === 0) {
    if (accept && !new Negotiator({ headers: { accept } }).mediaType([MEDIA_TYPE.json])) {
      throw new HttpProblem(
        "not-acceptable",
        `Nothing here matches Accept: ${accept}. /api/todos answers application/json, or ${TODO_API_VERSIONS.map(versionMediaType).join(" or ")}.`,
      );
    }
    const version = fromHeader ?? 1;
    return { version, contentType: MEDIA_TYPE.json, by: fromHeader ? "api-version" : "default" };
  }
  const offered = [...TODO_API_VERSIONS].reverse().map(versionMediaType);
  const chosen = new Negotiator({ headers: { accept } }).mediaType(offered);
  if (!chosen) {
    throw new HttpProblem(
      "not-acceptable",
      `Accept asks for ${named.map((m) => m[0]).join(", ")}, a version this API does not have. It has ${offered.join(" and ")}.`,
    );
  }
  const version = Number(/\.v(\d+)\+/.exec(chosen)?.[1]) as TodoApiVersion;
  if (fromHeader && fromHeader !== version) {
    throw new HttpProblem(
      "unknown-api-version",
      `API-Version: ${fromHeader} and Accept: ${chosen} ask for different versions. Name the version one way only.`,
    );
  }
  return { version, contentType: chosen, by: "accept" };
}
// #endregion

function headerVersion(value: string | null): TodoApiVersion | undefined {
  if (value === null) return undefined;
  const version = TODO_API_VERSIONS.find((v) => String(v) === value.trim());
  if (version === undefined) {
    throw new HttpProblem(
      "unknown-api-version",
      `API-Version: ${value.slice(0, 40)} is not a version of this API. It has ${supported}: send API-Version: 2 for the newest.`,
      { errors: [{ in: "header", field: "API-Version", message: `must be one of ${supported}` }] },
    );
  }
  return version;
}
