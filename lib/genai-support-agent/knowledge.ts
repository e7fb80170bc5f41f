import { sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { supportArticle } from "@/db/schema/genai";
import { ownedBy } from "@/lib/sandbox/scope";

/** The support knowledge base every sandbox starts with: what the agent's retrieval tool searches. */
export const SEED_ARTICLES = [
  {
    slug: "returns-policy",
    title: "Returns and refunds",
    body: "You can return any unused item within 30 days of delivery for a full refund. Start a return by opening a support ticket with your order number. Refunds go back to the original payment method within 5 business days of the item reaching our warehouse. Opened coffee beans and stickers cannot be returned.",
  },
  {
    slug: "shipping-times",
    title: "Shipping times and costs",
    body: "Orders placed before 2 pm ship the same business day. Standard shipping takes 3 to 5 business days and costs $4.95; it is free on orders over $50. Express shipping takes 1 to 2 business days and costs $12.",
  },
  {
    slug: "order-status",
    title: "What your order status means",
    body: "A placed order has been paid and is waiting to be packed. Ask the support agent where your order is, or read it with GET /api/v1/shop/orders/{id}. You can only see your own orders.",
  },
  {
    slug: "payment-methods",
    title: "Payment methods",
    body: "We accept Visa, Mastercard, American Express and PayPal. Your card is charged when the order is placed, in US dollars. We never store your full card number.",
  },
  {
    slug: "warranty",
    title: "Warranty on equipment",
    body: "Grinders, kettles, headphones and other equipment carry a two-year warranty against manufacturing defects. Open a support ticket with the order number and a description of the fault; we repair or replace the item at no cost.",
  },
  {
    slug: "damaged-items",
    title: "Damaged or missing items",
    body: "If an item arrives damaged or is missing from your parcel, open a support ticket within 14 days of delivery with your order number. We send a replacement or refund the item, and you keep the damaged one.",
  },
  {
    slug: "cancel-order",
    title: "Cancelling an order",
    body: "An order can be cancelled free of charge until it ships. Open a support ticket naming the order; once it has shipped, return it instead under the returns policy.",
  },
  {
    slug: "account-security",
    title: "Your account and password",
    body: "Support staff and the support agent will never ask for your password. The agent acts as the user you are logged in as and can only read that user's orders.",
  },
] as const;

export async function seedArticles(tx: Transaction, sandboxId: string): Promise<void> {
  await tx
    .insert(supportArticle)
    .values(SEED_ARTICLES.map((article, i) => ({ ...article, id: i + 1, sandboxId })));
}

export type ArticleHit = { slug: string; title: string; body: string; rank: number };

/** The words of a question, as a tsquery matching any of them: "where's my refund?" → where | s | my | refund. */
export function anyWordQuery(text: string): string | undefined {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const unique = [...new Set(words)].slice(0, 16);
  return unique.length > 0 ? unique.join(" | ") : undefined;
}

// #region search-articles
/**
 * The articles of this sandbox that best match a question: Postgres full-text search over title
 * and body (stemmed English: "refunds" matches "refund"), ranked by ts_rank, best first. A word
 * in the title weighs ten times one in the body (weights A and D), so "returns policy" finds
 * "Returns and refunds" before an article that only mentions returns.
 */
export async function searchArticles({
  sandboxId,
  query,
  limit = 3,
}: {
  sandboxId: string;
  query: string;
  limit?: number;
}): Promise<ArticleHit[]> {
  const words = anyWordQuery(query);
  if (!words) return [];
  const db = await getDb();
  const document = sql`to_tsvector('english', ${supportArticle.title} || ' ' || ${supportArticle.body})`;
  const tsquery = sql`to_tsquery('english', ${words})`;
  const weighted = sql`setweight(to_tsvector('english', ${supportArticle.title}), 'A') || setweight(to_tsvector('english', ${supportArticle.body}), 'D')`;
  const rank = sql<number>`ts_rank(${weighted}, ${tsquery})`.mapWith(Number);
  return db
    .select({
      slug: supportArticle.slug,
      title: supportArticle.title,
      body: supportArticle.body,
      rank,
    })
    .from(supportArticle)
    .where(ownedBy(supportArticle, sandboxId, sql`${document} @@ ${tsquery}`))
    .orderBy(sql`${rank} desc`, supportArticle.id)
    .limit(limit);
}
// #endregion
