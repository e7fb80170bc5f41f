/**
 * Light and dark themes: the system's by default, the learner's choice once made (kept in
 * localStorage under `theme`: "system", "light" or "dark"). `dark` on <html> selects the dark
 * theme (the `dark:` variant in globals.css).
 *
 * The class is set once, by an inline script before the page first paints, and after that only
 * when the theme really changes (the toggle, or the system's scheme while the choice is
 * "system"). Nothing is done on load or hydration: every change of the class restyles the whole
 * document, which on a long lesson page is one of the longest tasks a phone runs.
 */

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = "theme";
export const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Runs before first paint (app/layout.tsx), so the page never flashes the other theme. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});document.documentElement.classList.toggle("dark",t==="dark"||(t!=="light"&&matchMedia(${JSON.stringify(DARK_QUERY)}).matches))}catch(e){}`;

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return THEMES.find((theme) => theme === value) ?? "system";
  } catch {
    return "system"; // Storage can be blocked; the system's theme then.
  }
}

export function storeTheme(theme: Theme) {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Blocked storage: the choice lasts for this page only.
  }
}

/** Puts the theme on the page if it is not already there, without animating the change. */
export function applyTheme(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && matchMedia(DARK_QUERY).matches);
  const root = document.documentElement;
  if (root.classList.contains("dark") === dark) return;
  // Colours with a transition would fade one by one: switch them all at once.
  const still = document.createElement("style");
  still.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.appendChild(still);
  root.classList.toggle("dark", dark);
  window.getComputedStyle(root).color; // Applies the change while transitions are off.
  requestAnimationFrame(() => still.remove());
}
