"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { isDatabaseUnavailable } from "@/db/unavailable";
import { clientLimitKey } from "@/lib/http/client";
import { sandboxCookieOptions } from "@/lib/sandbox/cookie";
import { SANDBOX_COOKIE } from "@/lib/sandbox/keys";
import { signIn, signOut } from "./auth";
import { withBrowserSandbox } from "./browser-sandbox";
import { DATABASE_DOWN, returnPath, signInProblem } from "./messages";
import { deleteAccount } from "./sandbox";
import { requestWith, signedInUser } from "./session";
import { isPasswordOf, registerAccount, type SignUpField } from "./users";

export type FormState = {
  message?: string;
  errors?: Partial<Record<SignUpField | "confirm", string>>;
  /** What was typed (never the password), to fill the form again. */
  values?: { name?: string; email?: string };
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Runs Auth.js with the browser's sandbox cookie in reach, then applies what it decided. */
async function withSandboxCookie<T>(work: () => Promise<T>): Promise<T> {
  const jar = await cookies();
  const { result, next } = await withBrowserSandbox(jar.get(SANDBOX_COOKIE)?.value, work);
  if (next !== undefined) jar.set(sandboxCookieOptions(requestWith(await headers()), next));
  return result;
}

/** Signs in with Auth.js's Credentials provider; a refusal comes back as its error code. */
async function passwordSignIn(email: string, password: string): Promise<string | undefined> {
  try {
    await withSandboxCookie(() => signIn("credentials", { email, password, redirect: false }));
    return undefined;
  } catch (error) {
    if (error instanceof CredentialsSignin) return signInProblem("CredentialsSignin", error.code);
    throw error;
  }
}

/**
 * Runs a form's work; while the database cannot be reached the form says so and keeps what was
 * typed, instead of the framework's error page. (A redirect is not an error here: it goes on.)
 */
async function unlessDatabaseDown(
  values: FormState["values"],
  work: () => Promise<FormState>,
): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { message: DATABASE_DOWN, values };
    throw error;
  }
}

export async function signInWithPassword(_: FormState, form: FormData): Promise<FormState> {
  const email = text(form, "email");
  return unlessDatabaseDown({ email }, async () => {
    const problem = await passwordSignIn(email, text(form, "password"));
    if (problem) return { message: problem, values: { email } };
    redirect(returnPath(text(form, "next")));
  });
}

export async function signUpWithPassword(_: FormState, form: FormData): Promise<FormState> {
  const values = { name: text(form, "name"), email: text(form, "email") };
  return unlessDatabaseDown(values, () =>
    signUp(values, text(form, "password"), text(form, "next")),
  );
}

async function signUp(
  values: { name: string; email: string },
  password: string,
  next: string,
): Promise<FormState> {
  const address = clientLimitKey(requestWith(await headers()));
  const created = await registerAccount({ ...values, password }, { address });
  if (!created.ok) return { message: created.message, errors: created.errors, values };
  const problem = await passwordSignIn(values.email, password);
  if (problem)
    return { message: `Your account is ready, but signing in failed: ${problem}`, values };
  redirect(returnPath(next));
}

export async function signInWithGitHub(form: FormData): Promise<void> {
  await signIn("github", { redirectTo: returnPath(text(form, "next")) });
}

export async function signOutHere(): Promise<void> {
  await withSandboxCookie(() => signOut({ redirect: false }));
  redirect("/");
}

/** Deletes the account after the learner confirms with their password (or, for GitHub, email). */
export async function deleteMyAccount(_: FormState, form: FormData): Promise<FormState> {
  return unlessDatabaseDown(undefined, () => deleteConfirmed(text(form, "confirm")));
}

async function deleteConfirmed(confirm: string): Promise<FormState> {
  const me = await signedInUser(await headers());
  if (!me) redirect("/signin");
  const confirmed = me.hasPassword
    ? await isPasswordOf({ id: me.id, password: confirm })
    : confirm.trim().toLowerCase() === (me.email ?? "").toLowerCase() && me.email !== null;
  if (!confirmed) {
    const message = me.hasPassword
      ? "That is not your password: nothing was deleted."
      : "Type your email address exactly to confirm: nothing was deleted.";
    return { message, errors: { confirm: message } };
  }
  await deleteAccount({ userId: me.id });
  await withSandboxCookie(() => signOut({ redirect: false }));
  redirect("/signin?deleted=1");
}
