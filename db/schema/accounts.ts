import type { InferSelectModel } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Portal accounts (Auth.js, not a lesson). `user` and `account` are the tables the Auth.js
 * Drizzle adapter reads and writes; sessions are signed cookies (JWT, which the password sign-in
 * requires), so the adapter's session and verification-token tables are not needed. A user's
 * sandbox points at it (sandbox.user_id, ON DELETE CASCADE): deleting a user deletes everything.
 */
export const user = pgTable("user", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name"),
  /** Always lower case (lib/accounts/adapter.ts), so one address is one account. */
  email: text("email").unique(),
  emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
  image: text("image"),
  /** argon2id; null for accounts that only sign in with GitHub. */
  passwordHash: text("password_hash"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type User = InferSelectModel<typeof user>;

/** OAuth sign-ins linked to a user (GitHub), in the adapter's column names. */
export const account = pgTable(
  "account",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    type: text("type").$type<"oauth" | "oidc" | "email" | "webauthn">().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index("account_user_id_idx").on(t.userId),
  ],
);
export type Account = InferSelectModel<typeof account>;
