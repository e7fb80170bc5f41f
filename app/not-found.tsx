import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="font-mono text-sm font-semibold text-emerald-700 dark:text-emerald-400">
        HTTP/1.1 404 Not Found
      </p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight">Nothing lives at this URL</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        The page may belong to a lesson that is not written yet. Every lesson, written and upcoming,
        is on the roadmap.
      </p>
      <Link
        href="/"
        className="mt-8 inline-block rounded-lg bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800"
      >
        Back to the roadmap
      </Link>
    </div>
  );
}
