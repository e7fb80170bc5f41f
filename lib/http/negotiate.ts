import Negotiator from "negotiator";
import { HttpProblem } from "./problem";

/**
 * Picks the first of `offered` (the server's order of preference) that the Accept header allows;
 * no Accept header means anything goes. 406 when nothing offered is acceptable.
 */
export function negotiate<T extends string>(req: Request, offered: readonly [T, ...T[]]): T {
  const accept = req.headers.get("accept");
  if (!accept) return offered[0];
  const [chosen] = new Negotiator({ headers: { accept } }).mediaTypes([...offered]);
  if (chosen) return chosen as T;
  throw new HttpProblem(
    "not-acceptable",
    `Nothing here matches Accept: ${accept}. This endpoint can answer ${offered.join(", ")}.`,
  );
}
