import { ConsoleIsland } from "./console-island";
import { type ConsoleRequest, type HeadingLevel, headingLevelOf } from "./draft";

export type ConsoleProps = ConsoleRequest & {
  /**
   * The level of the console's heading: one below the lesson heading it sits under (3 under an
   * h2, 4 under an h3). Lessons get it from `remarkConsoleHeadingLevel`; defaults to 3.
   */
  headingLevel?: HeadingLevel;
};

/**
 * A request console for a lesson's live API (`<Console {...example} />` in MDX). The page gets a
 * light shell that looks like the console; the interactive console is its own chunk, loaded when
 * the shell comes near the viewport or is used. Only the request reaches the browser, not the
 * example's expectations.
 */
export function Console({
  name,
  method,
  path,
  query,
  headers,
  body,
  title,
  headingLevel,
}: ConsoleProps) {
  return (
    <ConsoleIsland
      request={{ name, method, path, query, headers, body, title }}
      headingLevel={headingLevelOf(headingLevel)}
    />
  );
}
