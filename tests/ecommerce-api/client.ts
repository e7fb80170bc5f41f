import * as cartItemRoute from "@/app/api/v1/(ecommerce-api)/shop/cart/items/[productId]/route";
import * as cartRoute from "@/app/api/v1/(ecommerce-api)/shop/cart/route";
import * as categoriesRoute from "@/app/api/v1/(ecommerce-api)/shop/categories/route";
import * as orderRoute from "@/app/api/v1/(ecommerce-api)/shop/orders/[id]/route";
import * as ordersRoute from "@/app/api/v1/(ecommerce-api)/shop/orders/route";
import * as productRoute from "@/app/api/v1/(ecommerce-api)/shop/products/[id]/route";
import * as productsRoute from "@/app/api/v1/(ecommerce-api)/shop/products/route";
import { ecommerceApi } from "@/lib/ecommerce-api/contract";
import type { CartView, OrderView, Pagination, ProductView } from "@/lib/ecommerce-api/schemas";
import { SEED_ADMIN } from "@/lib/sandbox-users/seed";
import { expectConforms } from "../contract";
import { type CallOptions, call } from "../harness";
import { ALICE, BOB, register, tokensFor } from "../jwt-auth/client";

export type { CartView, OrderView, ProductView };
export type Page<T> = { data: T[]; pagination: Pagination };

type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
type RouteModule = Record<Method, Parameters<typeof call>[0]>;

/** The shop's route files, by the path pattern they serve and the name of their one parameter. */
const ROUTES: [RegExp, RouteModule, string?][] = [
  [/^\/api\/v1\/shop\/categories$/, categoriesRoute],
  [/^\/api\/v1\/shop\/products$/, productsRoute],
  [/^\/api\/v1\/shop\/products\/([^/]+)$/, productRoute, "id"],
  [/^\/api\/v1\/shop\/cart$/, cartRoute],
  [/^\/api\/v1\/shop\/cart\/items\/([^/]+)$/, cartItemRoute, "productId"],
  [/^\/api\/v1\/shop\/orders$/, ordersRoute],
  [/^\/api\/v1\/shop\/orders\/([^/]+)$/, orderRoute, "id"],
];

const operationFor = (method: string, path: string) =>
  ecommerceApi.find(
    (op) =>
      op.method === method && new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  );

/**
 * `method path` on the shop's route handlers, in process. Every answer to an operation of the
 * contract is checked against it (status, body schema, required headers). `token` is sent as
 * Authorization: Bearer.
 */
export async function shop(
  method: Method,
  path: string,
  options: CallOptions & { token?: string } = {},
): Promise<Response> {
  const found = ROUTES.find(([pattern]) => pattern.test(path));
  if (!found) throw new Error(`no shop route serves ${path}`);
  const [pattern, mod, param] = found;
  const value = pattern.exec(path)?.[1];
  const params = param && value !== undefined ? { [param]: decodeURIComponent(value) } : {};
  const headers = new Headers(options.headers);
  if (options.token !== undefined) headers.set("authorization", `Bearer ${options.token}`);
  const res = await call(mod[method], path, params, {
    ...options,
    method,
    headers: Object.fromEntries(headers),
  });
  const operation = operationFor(method, path);
  if (operation) await expectConforms(operation, res);
  return res;
}

/** The JSON body of a response, typed. */
export const json = <T>(res: Response): Promise<T> => res.json() as Promise<T>;

/** A fresh sandbox with Alice (2) and Bob (3) registered, and an access token for each and the admin. */
export async function shopSandbox(key: string) {
  await register(key, ALICE.email, ALICE.password);
  await register(key, BOB.email, BOB.password);
  const [alice, bob, admin] = await Promise.all([
    tokensFor(key, ALICE.email, ALICE.password),
    tokensFor(key, BOB.email, BOB.password),
    tokensFor(key, SEED_ADMIN.email, SEED_ADMIN.password),
  ]);
  return { alice: alice.accessToken, bob: bob.accessToken, admin: admin.accessToken };
}

/** Alice's (or anyone's) order of `items`, with an Idempotency-Key when given. */
export function order(
  key: string,
  token: string,
  items: { productId: number; quantity: number }[] | "cart",
  idempotencyKey?: string,
) {
  return shop("POST", "/api/v1/shop/orders", {
    key,
    token,
    body: items === "cart" ? { fromCart: true } : { items },
    headers: idempotencyKey === undefined ? {} : { "idempotency-key": idempotencyKey },
  });
}

export async function stockOf(key: string, productId: number): Promise<number> {
  const res = await shop("GET", `/api/v1/shop/products/${productId}`, { key });
  return (await json<ProductView>(res)).stock;
}

/** The admin sets a product's stock. */
export async function setStock(key: string, admin: string, productId: number, stock: number) {
  const res = await shop("PATCH", `/api/v1/shop/products/${productId}`, {
    key,
    token: admin,
    body: { stock },
  });
  if (res.status !== 200) throw new Error(`set stock: ${res.status} ${await res.text()}`);
}
