"use client";

import { useEffect, useState } from "react";
import {
  applyTheme,
  DARK_QUERY,
  storedTheme,
  storeTheme,
  THEME_STORAGE_KEY,
  type Theme,
} from "./theme";

const ORDER = ["system", "light", "dark"] as const satisfies readonly Theme[];
const LABEL = { system: "System theme", light: "Light theme", dark: "Dark theme" } as const;
const ICON = { system: "◐", light: "☀", dark: "☾" } as const;

/** The header's theme button: system → light → dark. The page's theme is set before it paints (theme.ts). */
export function ThemeToggle() {
  // "system" until read from storage, as on the server.
  const [current, setCurrent] = useState<Theme>("system");

  useEffect(() => {
    setCurrent(storedTheme());
    // While the choice is "system", follow the system's scheme; another tab's choice applies here too.
    const media = matchMedia(DARK_QUERY);
    const onSystemChange = () => applyTheme(storedTheme());
    const onStorage = (event: StorageEvent) => {
      if (event.key !== THEME_STORAGE_KEY) return;
      const theme = storedTheme();
      setCurrent(theme);
      applyTheme(theme);
    };
    media.addEventListener("change", onSystemChange);
    window.addEventListener("storage", onStorage);
    return () => {
      media.removeEventListener("change", onSystemChange);
      window.removeEventListener("storage", onStorage);
    };
  }, []);

  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length] ?? "system";
  return (
    <button
      type="button"
      onClick={() => {
        storeTheme(next);
        setCurrent(next);
        applyTheme(next);
      }}
      className="inline-flex h-8 w-8 items-center justify-center rounded-md border border-zinc-200 text-sm text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      aria-label={`${LABEL[current]}. Switch to ${LABEL[next].toLowerCase()}`}
      title={`${LABEL[current]} (click for ${LABEL[next].toLowerCase()})`}
      data-testid="theme-toggle"
    >
      <span aria-hidden>{ICON[current]}</span>
    </button>
  );
}
