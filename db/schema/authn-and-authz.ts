import type { InferSelectModel } from "drizzle-orm";
import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { sandboxUser } from "./sandbox-users";
import { sandbox } from "./sandboxes";

/** Why a session ended before its time: a logout, a newer login in the same browser, or its user. */
export const SESSION_END_REASONS = ["logout", "login", "revoked"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * One login of a sandbox user, as a server-side session: the browser holds an opaque token in an
 * httpOnly cookie, and the row is found by that token's SHA-256. The token itself is never
 * stored, so a copy of this table logs nobody in.
 */
export const userSession = pgTable(
  "user_session",
  {
    /** The SHA-256 (hex) of the cookie's token: the session's id, and all the server keeps of it. */
    id: text("id").primaryKey(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull(),
    /** The browser's User-Agent at login (cut to 200 characters), so a list of sessions says which is which. */
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** The last request it authenticated; idle expiry counts from here. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    /** The absolute expiry: login time plus the absolute lifetime, however busy the session is. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set once, when the session is ended on purpose; it is refused from then on. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason").$type<SessionEndReason>(),
  },
  (t) => [
    foreignKey({
      name: "user_session_user_fk",
      columns: [t.sandboxId, t.userId],
      foreignColumns: [sandboxUser.sandboxId, sandboxUser.id],
    }).onDelete("cascade"),
    index("user_session_user_idx").on(t.sandboxId, t.userId, t.createdAt),
  ],
);
export type UserSession = InferSelectModel<typeof userSession>;

/** The authorization lesson's resource: a note belongs to the user who wrote it. */
export const userNote = pgTable(
  "user_note",
  {
    /** Numbered per sandbox from 1, so lesson examples name the same ids for everyone. */
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    ownerId: integer("owner_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    foreignKey({
      name: "user_note_owner_fk",
      columns: [t.sandboxId, t.ownerId],
      foreignColumns: [sandboxUser.sandboxId, sandboxUser.id],
    }).onDelete("cascade"),
    index("user_note_owner_idx").on(t.sandboxId, t.ownerId),
  ],
);
export type UserNote = InferSelectModel<typeof userNote>;
