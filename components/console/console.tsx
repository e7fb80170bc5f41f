import { ConsoleIsland } from "./console-island";
import { type ConsoleRequest, type HeadingLevel, headingLevelOf } from "./draft";
import { SqlConsole } from "./sql-console";
import { sqlOf } from "./sql-example";

export type ConsoleProps = ConsoleRequest & {
  /**
   * The level of the console's heading: one below the lesson heading it sits under (3 under an
   * h2, 4 under an h3). Lessons get it from `remarkConsoleHeadingLevel`; defaults to 3.
   */
  headingLevel?: HeadingLevel;
  /**
   * Send the shell's bulk in a template, drawn when near the viewport: every console after a
   * lesson's first two (`remarkDeferConsoles`).
   */
  deferShell?: boolean;
};

/**
 * A request console for a lesson's live API (`<Console {...example} />` in MDX). The page gets a
 * light shell that looks like the console; the interactive console is its own chunk, loaded when
 * the shell comes near the viewport or is used. The request and the answer the lesson expects
 * reach the browser: the console says when its sandbox answers differently.
 */
export function Console({
  name,
  method,
  path,
  query,
  headers,
  body,
  form,
  captures,
  title,
  expect,
  headingLevel,
  deferShell = false,
}: ConsoleProps) {
  // A SQL example (`POST /api/v1/sql` with `{ sql }`) gets the SQL console: an editor, result tables.
  const sql = sqlOf({ method, path, body });
  if (sql !== null)
    return (
      <SqlConsole
        sql={sql}
        title={title ?? "Try it live"}
        headingLevel={headingLevelOf(headingLevel)}
        deferShell={deferShell}
      />
    );
  // No Suspense boundary of its own: Next.js hydrates the page in a transition, which already
  // yields to the browser every few milliseconds. A boundary per console made the prerender put
  // every console in a hidden <div> after the article, moved into place by a script once the
  // page had loaded: a restyle of the whole page, and consoles missing from the first paint.
  return (
    <ConsoleIsland
      request={{ name, method, path, query, headers, body, form, captures, title, expect }}
      headingLevel={headingLevelOf(headingLevel)}
      deferShell={deferShell}
    />
  );
}
