"use client";

import { ThemeProvider as NextThemes } from "next-themes";

/** Light and dark themes: the system's by default, the learner's choice once made. */
export function ThemeProvider({ children }: { children: React.ReactNode }) {
  return (
    <NextThemes attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </NextThemes>
  );
}
