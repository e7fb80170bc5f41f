/**
 * The offline model's whole "intelligence": a few keyword rules that pick a tool and its
 * arguments from the customer's last message, and templates that turn the tool's real result into
 * an answer. No language model is involved, and the answers say so.
 */

export type ToolChoice = { toolName: string; input: Record<string, unknown> };

const STOP = new Set(
  "a an and any are be can could do does for have how i in is it me my of on or please sell selling show some the there to what where which with you your looking find search buy want need products product".split(
    " ",
  ),
);

const number = (text: string, pattern: RegExp) => {
  const match = pattern.exec(text);
  return match?.[1] ? Number(match[1]) : undefined;
};

/** The most specific word of a product question: its longest word that is not a stop word. */
export function productKeyword(text: string): string | undefined {
  const words = (text.toLowerCase().match(/[a-z0-9-]+/g) ?? []).filter(
    (w) => !STOP.has(w) && w.length > 2,
  );
  return words.sort((a, b) => b.length - a.length)[0];
}

const POLICY =
  /\b(return|returns|refund|refunds|shipping|ship|ships|delivery|deliver|payment|pay|paypal|card|warranty|guarantee|cancel|cancelling|canceling|damaged|broken|missing|policy|password)\b/i;

/** Which tool (if any) answers `text`, among the tools the request offers. */
export function chooseTool(text: string, offered: ReadonlySet<string>): ToolChoice | undefined {
  const orderId = number(text, /\border\s*(?:#|no\.?\s*|number\s*)?(\d{1,9})\b/i);
  const productId = number(text, /\bproduct\s*(?:#|no\.?\s*|number\s*)?(\d{1,9})\b/i);
  const rules: [boolean, () => ToolChoice][] = [
    [
      /\b(open|file|create|raise)\b.*\bticket\b|\bcomplain/i.test(text),
      () => ({
        toolName: "openTicket",
        input: {
          subject: text.trim().slice(0, 80).padEnd(3, "."),
          body: text.trim().slice(0, 2000),
          ...(orderId ? { orderId } : {}),
        },
      }),
    ],
    [
      /\b(stock|left|available|availability)\b/i.test(text) && productId !== undefined,
      () => ({ toolName: "checkStock", input: { productId } }),
    ],
    [orderId !== undefined, () => ({ toolName: "getOrderStatus", input: { orderId } })],
    [
      /\b(orders?|parcel|package|bought|purchases?)\b/i.test(text) && !POLICY.test(text),
      () => ({ toolName: "listMyOrders", input: { limit: 5 } }),
    ],
    [
      POLICY.test(text),
      () => ({ toolName: "searchKnowledgeBase", input: { query: text.trim().slice(0, 200) } }),
    ],
    [
      /\b(have|sell|stock|find|search|looking|price|cost|buy)\b/i.test(text) &&
        productKeyword(text) !== undefined,
      () => ({
        toolName: "searchProducts",
        input: { query: productKeyword(text) },
      }),
    ],
  ];
  for (const [applies, choice] of rules) {
    if (!applies) continue;
    const picked = choice();
    if (offered.has(picked.toolName)) return picked;
  }
  return undefined;
}

type Json = Record<string, unknown>;
const list = (items: unknown) => (Array.isArray(items) ? (items as Json[]) : []);

/** A Markdown list, one item a line (the chat renders the answers' Markdown). */
const bullets = (items: unknown) =>
  (Array.isArray(items) ? items : []).map((item) => `- ${String(item)}`).join("\n");

/** The answer to write from one tool's real output. */
export function answerFrom(toolName: string, output: unknown, denied = false): string {
  const o = (output ?? {}) as Json;
  if (denied) return "All right: I did not open a ticket. Nothing was written.";
  if (o.found === false)
    return `${String(o.message)} I can only see orders and products of your own account in this shop.`;
  switch (toolName) {
    case "listMyOrders": {
      const orders = list(o.orders);
      const [latest] = orders;
      if (!latest) return "You have no orders yet. Once you place one, I can tell you where it is.";
      const more =
        orders.length > 1
          ? `\n\nYou have ${o.total} orders in all; the others are ${orders
              .slice(1)
              .map((x) => `#${x.id} (${x.status})`)
              .join(", ")}.`
          : "";
      return `Your latest order is **#${latest.id}**, placed ${String(latest.placedAt).slice(0, 10)}, ${latest.total} in all:\n\n${bullets(latest.items)}\n\nIts status is **${latest.status}**: paid and waiting to be packed, so it has not shipped yet.${more}`;
    }
    case "getOrderStatus":
      return `Order **#${o.id}** is **${o.status}** (paid, waiting to be packed), placed ${String(o.placedAt).slice(0, 10)}, ${o.total} in all:\n\n${bullets(o.items)}`;
    case "searchProducts": {
      const products = list(o.products);
      if (products.length === 0) return "I found no product on sale with that name.";
      return `I found ${o.total} product${o.total === 1 ? "" : "s"}:\n\n${products.map((p) => `- **${p.name}** (#${p.id}, ${p.price}${p.inStock ? "" : ", sold out"})`).join("\n")}`;
    }
    case "checkStock":
      return o.onSale
        ? `**${o.name}** (#${o.id}) has **${o.stock}** unit${o.stock === 1 ? "" : "s"} left.`
        : `**${o.name}** (#${o.id}) is no longer sold.`;
    case "searchKnowledgeBase": {
      const [best] = list(o.articles);
      if (!best) return "I found no support article about that. You can ask me to open a ticket.";
      return `From **${best.title}** [${best.slug}]:\n\n> ${best.body}`;
    }
    case "openTicket":
      return o.opened
        ? `Done: ticket #${o.ticketId} is open ("${o.subject}"). Our team will answer it.`
        : `I did not open the ticket: ${String(o.message)}`;
    default:
      return "That tool's answer is not one I know how to read.";
  }
}

export const HELP =
  'I am the shop\'s offline support model: a few keyword rules, not a language model. I can list your orders ("where is my order?"), read one ("status of order 2"), search products ("do you sell a kettle?"), check stock ("stock of product 7"), look up our policies ("how do returns work?") and open a ticket ("open a ticket about order 2").';
