import { sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { quoteLiteral } from "@/db/quote";

/** Every sandbox's shop sells in one currency: US dollars, whose minor unit is the cent (ISO 4217). */
export const CURRENCY = "USD";

/** Counter names (lib/sandbox/counter.ts) that number the shop's products and orders per sandbox. */
export const PRODUCT_IDS = "shop_product";
export const ORDER_IDS = "shop_order";

export const SEED_CATEGORIES = [
  { id: 1, slug: "coffee", name: "Coffee" },
  { id: 2, slug: "books", name: "Books" },
  { id: 3, slug: "desk", name: "Desk" },
  { id: 4, slug: "audio", name: "Audio" },
  { id: 5, slug: "apparel", name: "Apparel" },
  { id: 6, slug: "stickers", name: "Stickers" },
] as const;

type Seeded = readonly [category: number, sku: string, name: string, cents: number, stock: number];

/** Products 1 to 50, in id order. Prices in cents. */
const PRODUCTS: readonly Seeded[] = [
  [1, "COF-ETH-250", "Ethiopia Yirgacheffe beans, 250 g", 1450, 40],
  [1, "COF-COL-250", "Colombia Huila beans, 250 g", 1290, 35],
  [1, "COF-ESP-1K", "House espresso blend, 1 kg", 3800, 12],
  [1, "COF-DEC-250", "Decaf Swiss Water beans, 250 g", 1350, 18],
  [1, "COF-GRD-HND", "Hand grinder, ceramic burrs", 5900, 8],
  [1, "COF-AER-PRS", "AeroPress coffee maker", 3995, 15],
  [1, "COF-MUG-LTD", "Limited-edition enamel mug", 2400, 3],
  [1, "COF-KTL-GOO", "Gooseneck kettle, 1 l", 6450, 6],
  [1, "COF-FLT-100", "Paper filters, 100 pack", 599, 120],
  [2, "BK-DDIA", "Designing Data-Intensive Applications", 4999, 9],
  [2, "BK-HTTP", "HTTP: The Definitive Guide", 4450, 5],
  [2, "BK-PGSQL", "PostgreSQL Administration Cookbook", 5499, 4],
  [2, "BK-REST", "RESTful Web APIs", 3999, 7],
  [2, "BK-SRE", "Site Reliability Engineering", 3499, 11],
  [2, "BK-APOSD", "A Philosophy of Software Design", 2499, 14],
  [2, "BK-NODE", "Node.js Design Patterns", 4299, 10],
  [2, "BK-GOPL", "The Go Programming Language", 3899, 6],
  [2, "BK-SQLPE", "SQL Performance Explained", 2999, 8],
  [3, "DSK-KB-TKL", "Mechanical keyboard, tenkeyless", 8900, 20],
  [3, "DSK-KB-65", "Mechanical keyboard, 65%", 9900, 10],
  [3, "DSK-MSE-VRT", "Vertical mouse", 4900, 25],
  [3, "DSK-MAT-XL", "Desk mat, extra large", 2900, 30],
  [3, "DSK-LMP-LED", "LED desk lamp", 5400, 9],
  [3, "DSK-STD-LAP", "Laptop stand, aluminium", 3900, 16],
  [3, "DSK-HUB-USB", "USB-C hub, 7 ports", 4599, 22],
  [3, "DSK-CBL-KIT", "Cable management kit", 1599, 40],
  [3, "DSK-NTB-A5", "Dot-grid notebook, A5", 1200, 60],
  [4, "AUD-HP-ANC", "Noise-cancelling headphones", 24900, 7],
  [4, "AUD-EB-WL", "Wireless earbuds", 12900, 12],
  [4, "AUD-SPK-DSK", "Desk speakers, pair", 14900, 5],
  [4, "AUD-MIC-USB", "USB microphone", 9900, 9],
  [4, "AUD-DAC-USB", "USB DAC and headphone amp", 7900, 6],
  [4, "AUD-STD-HP", "Headphone stand", 2499, 18],
  [4, "AUD-ARM-MIC", "Microphone boom arm", 3499, 10],
  [4, "AUD-CBL-AUX", "Braided audio cable, 1.5 m", 999, 50],
  [5, "APP-TEE-200", "T-shirt: 200 OK", 2200, 45],
  [5, "APP-TEE-418", "T-shirt: 418 I'm a teapot", 2200, 30],
  [5, "APP-HOOD-404", "Hoodie: 404 Sleep Not Found", 4900, 20],
  [5, "APP-CAP-SQL", "Cap: SELECT * FROM sun", 1900, 25],
  [5, "APP-SOCK-JS", "Socks: null and undefined", 1200, 40],
  [5, "APP-BEAN-API", "Beanie: REST easy", 1800, 15],
  [5, "APP-TOTE-GIT", "Tote bag: git commit", 1500, 35],
  [5, "APP-TEE-500", "T-shirt: 500 Internal Server Error", 2200, 0],
  [6, "STK-PACK-HTTP", "Sticker pack: HTTP status codes", 800, 100],
  [6, "STK-PG-ELE", "Sticker: Postgres elephant", 300, 200],
  [6, "STK-JWT-NONE", "Sticker: alg none", 300, 150],
  [6, "STK-DUCK", "Rubber duck, debugging edition", 700, 80],
  [6, "STK-PIN-201", "Enamel pin: 201 Created", 900, 60],
  [6, "STK-KEYCAP", "Artisan keycap", 3200, 4],
  [6, "STK-POSTER", "Poster: the life of a request", 1999, 12],
];

/** The seeded catalog, as the API shows it before anyone buys anything. */
export const SEED_PRODUCTS = PRODUCTS.map(([categoryId, sku, name, priceCents, stock], i) => ({
  id: i + 1,
  categoryId,
  sku,
  name,
  priceCents,
  stock,
}));

const rows = (list: readonly (readonly (string | number)[])[]) =>
  list.map((row) => `(${row.map(quoteLiteral).join(", ")})`).join(",\n    ");

// #region seed
// One statement, the same text for every sandbox (so the database plans it once): the categories,
// the 50 products and the product id counter, from constant lists. Only the sandbox id varies.
const CATEGORY_ROWS = sql.raw(rows(SEED_CATEGORIES.map((c) => [c.id, c.slug, c.name])));
const PRODUCT_ROWS = sql.raw(
  rows(SEED_PRODUCTS.map((p) => [p.id, p.categoryId, p.sku, p.name, p.priceCents, p.stock])),
);

/** Every sandbox opens with the same shop: 6 categories, products 1 to 50. */
export async function seedShop(tx: Transaction, sandboxId: string): Promise<void> {
  await tx.execute(sql`
    with categories as (
      insert into shop_category (sandbox_id, id, slug, name)
      select ${sandboxId}::uuid, v.* from (values ${CATEGORY_ROWS}) as v(id, slug, name)
    ), counter as (
      insert into sandbox_counter (sandbox_id, name, value)
      values (${sandboxId}::uuid, ${PRODUCT_IDS}, ${SEED_PRODUCTS.length})
    )
    insert into shop_product (sandbox_id, id, category_id, sku, name, price_cents, stock)
    select ${sandboxId}::uuid, v.* from (values ${PRODUCT_ROWS})
      as v(id, category_id, sku, name, price_cents, stock)`);
}
// #endregion
