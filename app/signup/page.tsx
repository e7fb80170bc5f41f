import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Divider, GitHubButton, SignUpForm } from "@/components/account/auth-forms";
import { AuthCard, textLink } from "@/components/account/form-parts";
import { githubConfigured } from "@/lib/accounts/auth";
import { returnPath } from "@/lib/accounts/messages";
import { signedInUser } from "@/lib/accounts/session";

export const metadata: Metadata = { title: "Create an account" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignUpPage({ searchParams }: { searchParams: Search }) {
  const next = returnPath(one((await searchParams).next));
  if (await signedInUser(await headers())) redirect(next);
  const query = next === "/account" ? "" : `?next=${encodeURIComponent(next)}`;
  return (
    <AuthCard
      title="Create an account"
      intro="Your sandbox and your progress, on every device you sign in on. The sandbox you have been using on this browser becomes your account's."
      footer={
        <>
          Already have an account?{" "}
          <Link href={`/signin${query}`} className={textLink}>
            Sign in
          </Link>
        </>
      }
    >
      {githubConfigured() && (
        <>
          <GitHubButton next={next} />
          <Divider>or with your email</Divider>
        </>
      )}
      <SignUpForm next={next} />
    </AuthCard>
  );
}
