import type { InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import {
  check,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { sandbox } from "./sandboxes";

/** What an account may do: customers use the shop, admins also manage it. */
export const ROLES = ["customer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The users of one sandbox: every learner registers their own (alice, bob, …) and every sandbox
 * starts with one admin. The JWT, sessions and shop lessons all sign in as these accounts.
 */
export const sandboxUser = pgTable(
  "sandbox_user",
  {
    /** Numbered per sandbox from 1 (the seeded admin), so lesson examples name the same ids for everyone. */
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    /** Trimmed and lower-cased, so Alice@Example.com and alice@example.com are one account. */
    email: text("email").notNull(),
    /** An argon2id PHC string: algorithm, parameters, salt and hash; never the password. */
    passwordHash: text("password_hash").notNull(),
    role: text("role").$type<Role>().notNull().default("customer"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    unique("sandbox_user_sandbox_email_unique").on(t.sandboxId, t.email),
    check("sandbox_user_role_check", sql`${t.role} in ('customer', 'admin')`),
  ],
);
export type SandboxUser = InferSelectModel<typeof sandboxUser>;
