import type { Deprecation } from "./contract";
import { httpDate } from "./etag";

/**
 * The fields that tell a client an operation is deprecated: `Deprecation` as a structured-field
 * date, `@` and seconds since the epoch (RFC 9745 §2.1); `Sunset` as an HTTP-date (RFC 8594 §3);
 * and a link to the migration guide, rel="deprecation" (RFC 9745 §3).
 */
export function deprecationHeaders({ since, sunset, link }: Deprecation): [string, string][] {
  return [
    ["deprecation", `@${Math.floor(since.getTime() / 1000)}`],
    ["sunset", httpDate(sunset)],
    ["link", `<${link}>; rel="deprecation"; type="text/html"`],
  ];
}
