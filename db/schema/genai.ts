import type { InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { sandboxUser } from "./sandbox-users";
import { sandbox } from "./sandboxes";

/**
 * The support agent of the GenAI lesson: a small knowledge base per sandbox (searched with
 * Postgres full-text search), the tickets its users open through the agent, and the
 * conversations, each one user's.
 */

export const supportArticle = pgTable(
  "support_article",
  {
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    /** What answers cite: `returns-policy`. */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    // The same expression the search uses, so Postgres can answer it from the index.
    index("support_article_search_idx").using(
      "gin",
      sql`to_tsvector('english', ${t.title} || ' ' || ${t.body})`,
    ),
  ],
);
export type SupportArticle = InferSelectModel<typeof supportArticle>;

export const supportTicket = pgTable(
  "support_ticket",
  {
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    accountId: integer("account_id").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    orderId: integer("order_id"),
    status: text("status").$type<"open">().notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    foreignKey({
      name: "support_ticket_account_fk",
      columns: [t.sandboxId, t.accountId],
      foreignColumns: [sandboxUser.sandboxId, sandboxUser.id],
    }).onDelete("cascade"),
  ],
);
export type SupportTicket = InferSelectModel<typeof supportTicket>;

export const supportConversation = pgTable(
  "support_conversation",
  {
    /** The chat's id, chosen by the client (useChat makes one). */
    id: text("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    accountId: integer("account_id").notNull(),
    /** The AI SDK UI messages, as the chat shows them (text, tool calls and their results). */
    messages: jsonb("messages").notNull(),
    /** Which model answered last: `offline`, `openai:gpt-4o-mini`, … */
    model: text("model").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    foreignKey({
      name: "support_conversation_account_fk",
      columns: [t.sandboxId, t.accountId],
      foreignColumns: [sandboxUser.sandboxId, sandboxUser.id],
    }).onDelete("cascade"),
  ],
);
export type SupportConversation = InferSelectModel<typeof supportConversation>;

/**
 * The tokens each answer of the support agent used (in and out, as its model reported them):
 * the sandbox's hourly token budget sums the last hour of rows. Not lesson data: resetting the
 * sandbox does not give its budget back.
 */
export const supportTokenUsage = pgTable(
  "support_token_usage",
  {
    id: integer("id").generatedAlwaysAsIdentity().primaryKey(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    inputTokens: integer("input_tokens").notNull(),
    outputTokens: integer("output_tokens").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("support_token_usage_sandbox_at_idx").on(t.sandboxId, t.at)],
);
