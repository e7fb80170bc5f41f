import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/ui/site-header";
import { THEME_SCRIPT } from "@/components/ui/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Backend Mastery Journey", template: "%s · Backend Mastery Journey" },
  description:
    "A 6-month backend roadmap where every lesson is a live API you call from the page, on real Postgres, in your own sandbox.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {/* Sets the theme before anything paints; nothing changes it on load (theme.ts). */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own constant, not user input */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-emerald-700 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
