import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DeleteAccount } from "@/components/account/account-actions";
import { secondaryButton, textLink } from "@/components/account/form-parts";
import { signOutHere } from "@/lib/accounts/actions";
import { accountOverview } from "@/lib/accounts/overview";
import { signedInUser } from "@/lib/accounts/session";

export const metadata: Metadata = { title: "Your account" };

const card = "rounded-2xl border border-zinc-200 p-6 dark:border-zinc-800";
const date = (d: Date) =>
  d.toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

export default async function AccountPage() {
  const me = await signedInUser(await headers());
  if (!me) redirect("/signin?next=/account");
  const { providers, sandbox } = await accountOverview({ userId: me.id });
  const methods = [
    ...(me.hasPassword ? ["email and password"] : []),
    ...providers.map((p) => (p === "github" ? "GitHub" : p)),
  ];
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-10 sm:px-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          Signed in as{" "}
          <span
            className="font-medium [overflow-wrap:anywhere] text-zinc-900 dark:text-zinc-100"
            data-testid="account-email"
          >
            {me.name ? `${me.name} (${me.email})` : me.email}
          </span>
          .
        </p>
      </header>

      <section aria-labelledby="sandbox-heading" className={card}>
        <h2 id="sandbox-heading" className="text-lg font-semibold">
          Your sandbox
        </h2>
        {sandbox ? (
          <>
            <p className="mt-2 text-zinc-700 dark:text-zinc-300" data-testid="account-progress">
              {sandbox.done} of {sandbox.written} lessons done · {sandbox.requests} requests in its
              log · created {date(sandbox.createdAt)}.
            </p>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              It is the same on every device you sign in on: the same key, data and progress.
            </p>
            <p className="mt-4">
              <Link href="/sandbox" className={textLink}>
                Open your sandbox
              </Link>
            </p>
          </>
        ) : (
          <p className="mt-2 text-zinc-700 dark:text-zinc-300" data-testid="account-progress">
            No sandbox yet. It is created with your first request in a lesson, and then follows you
            to every device you sign in on.
          </p>
        )}
      </section>

      <section aria-labelledby="signin-heading" className={card}>
        <h2 id="signin-heading" className="text-lg font-semibold">
          Signing in
        </h2>
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">
          You sign in with {methods.join(" or ")}. Account created {date(me.createdAt)}.
        </p>
        <form action={signOutHere} className="mt-4">
          <button type="submit" className={secondaryButton}>
            Sign out
          </button>
        </form>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Signing out also takes your sandbox off this browser; sign in again to get it back.
        </p>
      </section>

      <section
        aria-labelledby="delete-heading"
        className={`${card} border-rose-200 dark:border-rose-500/30`}
      >
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete your account
        </h2>
        <p className="mt-2 mb-4 text-zinc-700 dark:text-zinc-300">
          This deletes your account, your sandbox with all its data and request log, and your
          progress, on every device. It cannot be undone.
        </p>
        <DeleteAccount hasPassword={me.hasPassword} />
      </section>
    </div>
  );
}
