import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { type User, user } from "@/db/schema/accounts";
import { hashPassword, passwordMatches } from "@/lib/password";
import { allowSignInAttempt, allowSignUp } from "./limits";

export const PASSWORD_MIN = 8;
const PASSWORD_MAX = 256;
const EMAIL_MAX = 254;

const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX, "An email address is at most 254 characters.")
  .pipe(z.email("Enter an email address like you@example.com."));

export const signUpInput = z.object({
  name: z
    .string()
    .trim()
    .max(80, "Keep your name under 80 characters.")
    .transform((name) => name || null),
  email: emailField,
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});
export type SignUpField = keyof z.infer<typeof signUpInput>;

/** What the portal shows about a user: never the password hash. */
export type PortalUser = Pick<User, "id" | "name" | "email" | "image" | "createdAt"> & {
  hasPassword: boolean;
};

const toPortalUser = ({ passwordHash, ...rest }: User): PortalUser => ({
  id: rest.id,
  name: rest.name,
  email: rest.email,
  image: rest.image,
  createdAt: rest.createdAt,
  hasPassword: passwordHash !== null,
});

export type SignUpResult =
  | { ok: true; user: PortalUser }
  | { ok: false; message: string; errors?: Partial<Record<SignUpField, string>> };

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

export async function findUser({ id }: { id: string }): Promise<PortalUser | undefined> {
  if (!UUID.test(id)) return undefined;
  const db = await getDb();
  const [row] = await db.select().from(user).where(eq(user.id, id)).limit(1);
  return row ? toPortalUser(row) : undefined;
}

async function findUserByEmail(email: string): Promise<User | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(user).where(eq(user.email, email)).limit(1);
  return row;
}

/** Postgres's unique_violation, through drizzle's wrapper on either driver. */
function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) => (e as { code?: unknown } | null)?.code;
  return codeOf(error) === "23505" || codeOf((error as { cause?: unknown })?.cause) === "23505";
}

const TAKEN = "An account with this email already exists. Sign in instead.";

/** A new account with a password: validated, limited per client address, hashed with argon2id. */
export async function registerAccount(
  input: { name?: unknown; email?: unknown; password?: unknown },
  { address }: { address: string },
): Promise<SignUpResult> {
  const parsed = signUpInput.safeParse({
    name: input.name ?? "",
    email: input.email ?? "",
    password: input.password ?? "",
  });
  if (!parsed.success) {
    const errors: Partial<Record<SignUpField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as SignUpField;
      errors[field] ??= issue.message;
    }
    return { ok: false, message: "Check the highlighted fields.", errors };
  }
  const allowed = await allowSignUp({ address });
  if (!allowed.ok) {
    return {
      ok: false,
      message: `Too many new accounts from your address. Try again in ${minutes(allowed.retryAfter)}.`,
    };
  }
  const { name, email, password } = parsed.data;
  if (await findUserByEmail(email)) return { ok: false, message: TAKEN, errors: { email: TAKEN } };
  const db = await getDb();
  try {
    const [row] = await db
      .insert(user)
      .values({ name, email, passwordHash: await hashPassword(password) })
      .returning();
    if (!row) throw new Error("user insert returned no row");
    return { ok: true, user: toPortalUser(row) };
  } catch (error) {
    // Two sign-ups with one address at once: the second meets the unique constraint.
    if (isUniqueViolation(error)) return { ok: false, message: TAKEN, errors: { email: TAKEN } };
    throw error;
  }
}

export type CredentialsVerdict =
  | { kind: "ok"; user: PortalUser }
  | { kind: "wrong" }
  | { kind: "rate-limited"; retryAfter: number };

/**
 * Checks an email and password. An unknown email, an account without a password and a wrong
 * password are the same verdict and cost the same time; every attempt counts against the
 * limits, whatever its outcome.
 */
export async function checkCredentials({
  email,
  password,
  address,
}: {
  email: string;
  password: string;
  address: string;
}): Promise<CredentialsVerdict> {
  const allowed = await allowSignInAttempt({ address, email: email.slice(0, EMAIL_MAX) });
  if (!allowed.ok) return { kind: "rate-limited", retryAfter: allowed.retryAfter };
  const parsed = emailField.safeParse(email);
  const candidate = password.length <= PASSWORD_MAX ? password : "";
  const found = parsed.success ? await findUserByEmail(parsed.data) : undefined;
  const ok = await passwordMatches(candidate, found?.passwordHash);
  return ok && found ? { kind: "ok", user: toPortalUser(found) } : { kind: "wrong" };
}

/** Whether `password` is this user's password (to confirm deleting the account). */
export async function isPasswordOf({ id, password }: { id: string; password: string }) {
  if (!UUID.test(id)) return false;
  const db = await getDb();
  const [row] = await db.select({ hash: user.passwordHash }).from(user).where(eq(user.id, id));
  return passwordMatches(password.length <= PASSWORD_MAX ? password : "", row?.hash);
}

export function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? "a minute" : `${m} minutes`;
}
