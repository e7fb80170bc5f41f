import type { CSSProperties, ReactNode } from "react";
import { mutedTextClass } from "./styles";

/** Marks the `<template>` a deferred shell part travels in; `ServerShell` opens it. */
export const DEFERRED_ATTRIBUTE = "data-deferred";

type Props = {
  /** Whether to defer (a console far down the lesson) or draw at once (the first ones). */
  defer: boolean;
  /** The console's size without this part, in px, from `shellHeight`: the placeholder keeps it. */
  height: { narrow: number; wide: number };
  /** One line that stands for the part meanwhile (and without JavaScript): the request. */
  summary: string;
  children: ReactNode;
};

/**
 * The bulk of a console's shell (its form, response area and history: about sixty elements),
 * sent in the server's HTML inside a `<template>`, and a one-line placeholder of the same height
 * in its place. The browser parses a template's content into an inert fragment, never styled or
 * laid out, so thirty consoles far down a lesson no longer cost the page's first style and layout
 * (the longest task of a lesson's load). `ServerShell` puts the content in place when the console
 * comes near the viewport, before the interactive console replaces it.
 *
 * Only the server defers: a shell drawn in the browser (after a client-side navigation) is drawn
 * whole, since only the HTML parser gains from a template. The shell is never hydrated (see
 * `ServerShell`), so the two renders do not have to match.
 */
export function Deferred({ defer, height, summary, children }: Props) {
  if (!defer || typeof window !== "undefined") return children;
  const size = {
    "--shell-narrow": `${height.narrow}px`,
    "--shell-wide": `${height.wide}px`,
  } as CSSProperties;
  return (
    <>
      <template {...{ [DEFERRED_ATTRIBUTE]: "" }}>{children}</template>
      <div
        data-deferred-placeholder=""
        style={size}
        className="h-(--shell-narrow) px-3 pt-3 sm:h-(--shell-wide) sm:px-4"
      >
        <p className={`${mutedTextClass} m-0 truncate font-mono`}>{summary}</p>
      </div>
    </>
  );
}
