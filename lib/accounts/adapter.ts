import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter } from "next-auth/adapters";
import type { Db } from "@/db";
import { account, user } from "@/db/schema/accounts";

const lower = <T extends string | null | undefined>(email: T): T =>
  (typeof email === "string" ? email.trim().toLowerCase() : email) as T;

/**
 * The Auth.js Drizzle adapter on the app's own database and tables, with email addresses kept in
 * lower case: "Ada@Example.com" from GitHub meets the "ada@example.com" who signed up with a
 * password, instead of becoming a second account.
 */
export function accountsAdapter(db: Db): Adapter {
  const base = DrizzleAdapter(db, { usersTable: user, accountsTable: account });
  const { createUser, getUserByEmail, updateUser } = base;
  if (!createUser || !getUserByEmail || !updateUser) {
    throw new Error("The Drizzle adapter no longer has the user methods this wraps");
  }
  return {
    ...base,
    createUser: (data) => createUser({ ...data, email: lower(data.email) }),
    getUserByEmail: (email) => getUserByEmail(lower(email)),
    updateUser: (data) =>
      updateUser(data.email === undefined ? data : { ...data, email: lower(data.email) }),
  };
}
