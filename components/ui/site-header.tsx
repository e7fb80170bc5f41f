import Image from "next/image";
import Link from "next/link";
import { SearchButton } from "@/components/search/search-button";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200/80 bg-white/85 backdrop-blur dark:border-zinc-800/80 dark:bg-zinc-950/85">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link
          href="/"
          className="flex items-center gap-2 whitespace-nowrap text-sm font-semibold tracking-tight sm:text-base"
        >
          <Image src="/logo.svg" alt="" width={28} height={28} priority />
          {/* On a phone the logo stands for the name, leaving room for every link. */}
          <span className="sr-only sm:not-sr-only">
            Backend Mastery <span className="text-emerald-700 dark:text-emerald-400">Journey</span>
          </span>
        </Link>
        <nav aria-label="Main" className="ml-auto flex items-center gap-1 text-sm sm:gap-2">
          <Link
            href="/"
            className="rounded-md px-2.5 py-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
          >
            Roadmap
          </Link>
          <Link
            href="/sandbox"
            className="rounded-md px-2.5 py-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
          >
            Sandbox
          </Link>
          <Link
            href="/account"
            className="hidden rounded-md px-2.5 py-1.5 sm:inline-block text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
          >
            Account
          </Link>
          <SearchButton />
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
