import type { InferSelectModel } from "drizzle-orm";
import { foreignKey, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sandboxUser } from "./sandbox-users";
import { sandbox } from "./sandboxes";

/**
 * One login and every refresh token rotated from it: a token family (OAuth 2.0 Security BCP,
 * RFC 9700 §4.14.2). Access tokens name it in their `sid` claim, so ending it (logout, or a
 * refresh token presented twice) ends the access tokens too.
 */
export const tokenFamily = pgTable(
  "token_family",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    accountId: integer("account_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set once, when the family ends; its tokens are refused from then on. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason").$type<"logout" | "reuse">(),
  },
  (t) => [
    foreignKey({
      name: "token_family_account_fk",
      columns: [t.sandboxId, t.accountId],
      foreignColumns: [sandboxUser.sandboxId, sandboxUser.id],
    }).onDelete("cascade"),
    index("token_family_account_idx").on(t.sandboxId, t.accountId),
  ],
);
export type TokenFamily = InferSelectModel<typeof tokenFamily>;

/**
 * Every refresh token issued, by its SHA-256 (the token itself is never stored). One is current
 * per family; the used ones are kept (the latest few) so that presenting one again is recognised
 * as reuse rather than as an unknown token.
 */
export const refreshToken = pgTable(
  "refresh_token",
  {
    tokenHash: text("token_hash").primaryKey(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    familyId: uuid("family_id")
      .notNull()
      .references(() => tokenFamily.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When it was exchanged for a new pair; a used token presented again is reuse. */
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("refresh_token_family_idx").on(t.familyId, t.createdAt)],
);
export type RefreshToken = InferSelectModel<typeof refreshToken>;
