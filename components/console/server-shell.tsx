"use client";

import { type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { DEFERRED_ATTRIBUTE } from "./deferred";
import { whenNearViewport } from "./near-viewport";

const subscribe = () => () => {};

/**
 * Whether this render is the server's or a hydration of its HTML: React reads a store's server
 * snapshot in both, and the client snapshot in a render of its own (a client-side navigation).
 */
const useHydrating = () =>
  useSyncExternalStore(
    subscribe,
    () => false,
    () => true,
  );

/**
 * A console's shell (what it looks like before its code loads), adopted from the server's HTML
 * without hydrating it. A request console's shell is about sixty elements, and hydrating thirty
 * of them was over half of a lesson page's hydration work. The shell is static until the console
 * replaces it: the island's handlers still see every event inside it (React dispatches from the
 * nearest element it knows), and the swap reads what was typed from the DOM. Mounted by a
 * client-side navigation, there is no server HTML, and the shell is drawn.
 *
 * A shell the server deferred (see `Deferred`) is put in place from its template when it comes
 * near the viewport, and its placeholder removed.
 */
export function ServerShell({ children }: { children: ReactNode }) {
  const hydrating = useHydrating();
  // Decided once, at mount: after hydration the store reads `false`, and the shell stays adopted.
  const [adopted] = useState(() => hydrating && typeof window !== "undefined");
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const template = box.current?.querySelector<HTMLTemplateElement>(
      `:scope > template[${DEFERRED_ATTRIBUTE}]`,
    );
    const placeholder = template?.nextElementSibling;
    if (!template || !placeholder) return;
    return whenNearViewport(placeholder, () => {
      placeholder.remove();
      template.replaceWith(template.content);
    });
  }, []);
  if (!adopted) return <div className="contents">{children}</div>;
  return (
    // React neither compares nor replaces what is inside an element it is told holds HTML.
    <div
      ref={box}
      className="contents"
      suppressHydrationWarning
      // biome-ignore lint/security/noDangerouslySetInnerHtml: empty; it keeps the server-rendered shell.
      dangerouslySetInnerHTML={{ __html: "" }}
    />
  );
}
