import type { InferSelectModel } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Span } from "@/lib/http/timing";
import { user } from "./accounts";

export const sandbox = pgTable("sandbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** SHA-256 of the secret key; the key itself is never stored in clear. */
  keyHash: text("key_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** The portal account this sandbox belongs to (at most one each); null while anonymous. */
  userId: uuid("user_id")
    .unique()
    .references(() => user.id, { onDelete: "cascade" }),
  /**
   * An account's sandbox only: its key encrypted with AUTH_SECRET, so signing in on another
   * device can hand that browser the same key (lib/accounts/seal.ts).
   */
  sealedKey: text("sealed_key"),
});
export type Sandbox = InferSelectModel<typeof sandbox>;

export const requestLog = pgTable(
  "request_log",
  {
    // bigint: at 1,000 logged requests a second a 32-bit id runs out in about 25 days.
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    requestId: text("request_id").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    status: integer("status").notNull(),
    durationMs: integer("duration_ms").notNull(),
    spans: jsonb("spans").$type<Span[]>().notNull(),
    /** Names of the request's headers (never their values), for lesson checks. */
    requestHeaders: jsonb("request_headers").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("request_log_sandbox_id_idx").on(t.sandboxId, t.id)],
);
export type RequestLogEntry = InferSelectModel<typeof requestLog>;

export const lessonProgress = pgTable(
  "lesson_progress",
  {
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    lessonSlug: text("lesson_slug").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sandboxId, t.lessonSlug] })],
);
export type LessonProgress = InferSelectModel<typeof lessonProgress>;

/** Per-sandbox id sequences: every sandbox's todos (and later lessons' rows) start at 1. */
export const sandboxCounter = pgTable(
  "sandbox_counter",
  {
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sandboxId, t.name] })],
);
