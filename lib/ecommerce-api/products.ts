import { and, asc, desc, eq, gt, gte, ilike, lte, type SQL, sql } from "drizzle-orm";
import { type Db, getDb } from "@/db";
import { type ShopProduct, shopCategory, shopProduct } from "@/db/schema/ecommerce-api";
import { HttpProblem } from "@/lib/http/problem";
import { claimIds } from "@/lib/sandbox/counter";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import { PRODUCT_IDS, SEED_CATEGORIES } from "./catalog";
import {
  type CreateProductBody,
  type ListProductsQuery,
  MAX_PRODUCTS,
  type PatchProductBody,
  type ProductSort,
  type ProductView,
} from "./schemas";

const slugOf = new Map<number, string>(SEED_CATEGORIES.map((c) => [c.id, c.slug]));
const idOfSlug = new Map<string, number>(SEED_CATEGORIES.map((c) => [c.slug, c.id]));

export function toProductView(row: ShopProduct): ProductView {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    category: slugOf.get(row.categoryId) ?? String(row.categoryId),
    priceCents: row.priceCents,
    currency: row.currency,
    stock: row.stock,
    active: row.active,
  };
}

export const notFound = (id: number) =>
  new HttpProblem("not-found", `Your sandbox's shop has no product ${id}.`);

/** Every category with how many active products it has. */
export async function listCategories({ sandboxId }: { sandboxId: string }) {
  const db = await getDb();
  return db
    .select({
      id: shopCategory.id,
      slug: shopCategory.slug,
      name: shopCategory.name,
      products: sql<number>`count(${shopProduct.id})`.mapWith(Number),
    })
    .from(shopCategory)
    .leftJoin(
      shopProduct,
      and(
        eq(shopProduct.sandboxId, shopCategory.sandboxId),
        eq(shopProduct.categoryId, shopCategory.id),
        eq(shopProduct.active, true),
      ),
    )
    .where(ownedBy(shopCategory, sandboxId))
    .groupBy(shopCategory.sandboxId, shopCategory.id)
    .orderBy(asc(shopCategory.id));
}

const SORTS: Record<ProductSort, SQL[]> = {
  id: [asc(shopProduct.id)],
  name: [asc(shopProduct.name), asc(shopProduct.id)],
  price: [asc(shopProduct.priceCents), asc(shopProduct.id)],
  "-price": [desc(shopProduct.priceCents), asc(shopProduct.id)],
  newest: [desc(shopProduct.createdAt), desc(shopProduct.id)],
};

type ListShape = {
  category: boolean;
  search: boolean;
  min: boolean;
  max: boolean;
  inStock: boolean | undefined;
};

function listWhere({ category, search, min, max, inStock }: ListShape) {
  return ownedBy(
    shopProduct,
    sql.placeholder("sandboxId"),
    eq(shopProduct.active, true),
    category ? eq(shopProduct.categoryId, sql.placeholder("categoryId")) : undefined,
    search ? ilike(shopProduct.name, sql.placeholder("pattern")) : undefined,
    min ? gte(shopProduct.priceCents, sql.placeholder("min")) : undefined,
    max ? lte(shopProduct.priceCents, sql.placeholder("max")) : undefined,
    inStock === undefined
      ? undefined
      : inStock
        ? gt(shopProduct.stock, 0)
        : eq(shopProduct.stock, 0),
  );
}

function buildListQueries(db: Db, shape: ListShape, sort: ProductSort, name: string) {
  const where = listWhere(shape);
  return {
    page: db
      .select({ row: shopProduct, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(shopProduct)
      .where(where)
      .orderBy(...SORTS[sort])
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare(`list_products_${name}`),
    count: db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(shopProduct)
      .where(where)
      .prepare(`count_products_${name}`),
  };
}

// Built once per shape (which filters, which sort) and database client, then only executed:
// building the SQL costs more CPU than running it on 50 rows.
const listQueries = new WeakMap<Db, Map<string, ReturnType<typeof buildListQueries>>>();

function listQueriesFor(db: Db, shape: ListShape, sort: ProductSort) {
  let byShape = listQueries.get(db);
  if (!byShape) {
    byShape = new Map();
    listQueries.set(db, byShape);
  }
  const flags = [shape.category, shape.search, shape.min, shape.max].map(Number).join("");
  const name = `${flags}${shape.inStock === undefined ? "x" : Number(shape.inStock)}_${sort.replace("-", "desc_")}`;
  let queries = byShape.get(name);
  if (!queries) {
    queries = buildListQueries(db, shape, sort, name);
    byShape.set(name, queries);
  }
  return queries;
}

// #region list-products
/** A page of the products on sale, filtered; the total rides along (count(*) over ()). */
export async function listProducts({
  sandboxId,
  page,
  limit,
  category,
  q,
  minPriceCents,
  maxPriceCents,
  inStock,
  sort,
}: { sandboxId: string } & ListProductsQuery): Promise<{ rows: ShopProduct[]; total: number }> {
  const queries = listQueriesFor(
    await getDb(),
    {
      category: category !== undefined,
      search: Boolean(q),
      min: minPriceCents !== undefined,
      max: maxPriceCents !== undefined,
      inStock,
    },
    sort,
  );
  const values = {
    sandboxId,
    categoryId: category ? idOfSlug.get(category) : undefined,
    // A search for "50%" means those three characters: LIKE's wildcards are escaped.
    pattern: q ? `%${q.replace(/[\\%_]/g, "\\$&")}%` : undefined,
    min: minPriceCents,
    max: maxPriceCents,
    limit,
    offset: (page - 1) * limit,
  };
  const rows = await queries.page.execute(values);
  if (rows[0]) return { rows: rows.map((r) => r.row), total: rows[0].total };
  // Past the last page there is no row to carry the count.
  const [counted] = await queries.count.execute(values);
  return { rows: [], total: counted?.n ?? 0 };
}
// #endregion

export async function getProduct({
  sandboxId,
  id,
}: {
  sandboxId: string;
  id: number;
}): Promise<ShopProduct> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(shopProduct)
    .where(ownedBy(shopProduct, sandboxId, eq(shopProduct.id, id)));
  if (!row) throw notFound(id);
  return row;
}

export async function createProduct({
  sandboxId,
  sku,
  name,
  category,
  priceCents,
  stock,
  active,
}: { sandboxId: string } & CreateProductBody): Promise<ShopProduct> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const [held] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(shopProduct)
      .where(ownedBy(shopProduct, sandboxId));
    if ((held?.n ?? 0) >= MAX_PRODUCTS) {
      throw new HttpProblem(
        "conflict",
        `Your sandbox's catalog already holds ${MAX_PRODUCTS} products, the most it keeps. Deactivate some, or reset the sandbox.`,
      );
    }
    const id = await claimIds(tx, { sandboxId, name: PRODUCT_IDS });
    const [row] = await tx
      .insert(shopProduct)
      .values({
        sandboxId,
        id,
        categoryId: idOfSlug.get(category) ?? 0,
        sku,
        name,
        priceCents,
        stock,
        active,
      })
      .onConflictDoNothing({ target: [shopProduct.sandboxId, shopProduct.sku] })
      .returning();
    if (!row) {
      throw new HttpProblem(
        "conflict",
        `Your sandbox's catalog already has a product with SKU ${sku}. SKUs are unique: change that product, or pick another SKU.`,
      );
    }
    return row;
  });
}

/** A merge patch of one product: only the fields sent change. */
export async function updateProduct({
  sandboxId,
  id,
  changes,
}: {
  sandboxId: string;
  id: number;
  changes: PatchProductBody;
}): Promise<ShopProduct> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const [row] = await tx
      .update(shopProduct)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(ownedBy(shopProduct, sandboxId, eq(shopProduct.id, id)))
      .returning();
    if (!row) throw notFound(id);
    return row;
  });
}
