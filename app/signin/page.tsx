import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Divider, GitHubButton, SignInForm } from "@/components/account/auth-forms";
import { AuthCard, textLink } from "@/components/account/form-parts";
import { githubConfigured } from "@/lib/accounts/auth";
import { returnPath, signInProblem } from "@/lib/accounts/messages";
import { signedInUser } from "@/lib/accounts/session";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const next = returnPath(one(search.next));
  if (await signedInUser(await headers())) redirect(next);
  const problem = signInProblem(one(search.error), one(search.code));
  const deleted = one(search.deleted) === "1";
  const query = next === "/account" ? "" : `?next=${encodeURIComponent(next)}`;
  return (
    <AuthCard
      title="Sign in"
      intro="Keep one sandbox and your progress on every device. Everything works without an account too."
      footer={
        <>
          No account yet?{" "}
          <Link href={`/signup${query}`} className={textLink}>
            Create one
          </Link>
        </>
      }
    >
      {deleted && (
        <p
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-400/30 dark:bg-emerald-500/10 dark:text-emerald-200"
        >
          Your account and its sandbox were deleted.
        </p>
      )}
      {githubConfigured() && (
        <>
          <GitHubButton next={next} />
          <Divider>or with your email</Divider>
        </>
      )}
      <SignInForm next={next} notice={problem} />
      <p className="text-xs leading-5 text-zinc-600 dark:text-zinc-400">
        Worked without an account on this browser? Its progress joins your account when you sign in.
      </p>
    </AuthCard>
  );
}
