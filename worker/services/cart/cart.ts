/**
 * Cart use cases shared by the API and the Qwik loaders/actions: the CartDO keeps SKUs and quantities,
 * StockDO says what is available, D1 gives today's prices, domain/ prices the cart.
 */
import type { Db } from '@db/client';
import { priceCart } from '@domain/cart/cart-totals';
import { checkLineQuantity } from '@domain/cart/quantity';
import { variantLabel } from '@domain/catalog/variant-label';
import { fail, ok, type Result } from '@domain/core/result';
import { checkLineAvailable } from '@domain/inventory/stock';
import type { Money } from '@domain/pricing/money';
import type { TaxCategory } from '@domain/pricing/tax';
import { type CartView, cartStub } from '@durable-objects/cart';
import type { Env } from '@worker/env';
import { cartVariants } from '@worker/services/catalog/cart-variants';
import { availableForCart } from '@worker/services/inventory/cart-stock';
import { automaticPromotions } from '@worker/services/promotions/automatic';
import { priceUnderSales, shopSales } from '@worker/services/promotions/shop-sales';

/** Cart use cases read bindings (CartDO, StockDO), the shop currency and, for promotions, the database's version. */
type CartEnv = Env;

/** A cart line as shoppers see it: priced from the catalog at read time. */
export interface PricedCartLine {
  sku: string;
  quantity: number;
  /** What the line is, for promotions that target products, categories (ancestors included) or collections. */
  productId: string;
  categoryIds: string[];
  collectionIds: string[];
  productName: string;
  productSlug: string;
  variantLabel: string;
  imageUrl: string | null;
  /** What one unit costs: the catalog price under today's sale, if any (domain salePriceOf). */
  unitPrice: Money;
  /** The unit price before the sale lowered it, else null; promotions apply on top of `unitPrice`. */
  compareAtUnitPrice: Money | null;
  lineTotal: Money;
  /** What shipping weighs and which tax rate applies: checkout prices the cart with them. */
  weightGrams: number;
  taxCategory: TaxCategory;
}

/** The cart with totals; shipping and tax are added at checkout once an address is known. */
export interface PricedCart {
  id: string;
  currency: string;
  lines: PricedCartLine[];
  itemCount: number;
  subtotal: Money;
  /**
   * What automatic promotions open to everyone take off (codes, and promotions for signed-in shoppers, first orders
   * or some countries, are priced at checkout, where who buys and where it ships are known).
   */
  discount: Money;
  promotions: { name: string; amount: Money }[];
  /** SKUs in the cart that are no longer sold, or cannot be priced in the cart's currency; left out of the totals. */
  unavailableSkus: string[];
  updatedAt: number | null;
}

/** The cart's shopper as promotions see them before checkout: anyone, anywhere, no codes, limits checked later. */
const EVERYONE = {
  customer: { signedIn: false, previousOrders: 0 },
  shippingCountry: null,
  codes: [],
} as const;

/** How a cart is priced: promotions or not, the catalog as this isolate keeps it or `fresh` from the database. */
type PricingOptions = { withPromotions?: boolean; fresh?: boolean; now?: number };

/** Prices a CartDO view with current catalog prices (worker/services/catalog/cart-variants). */
async function priceView(
  env: CartEnv,
  db: Db,
  view: CartView,
  { withPromotions = true, fresh = false, now = Date.now() }: PricingOptions = {},
): Promise<PricedCart> {
  const skus = view.lines.map((l) => l.sku);
  const [read, automatic, sales] = await Promise.all([
    cartVariants(env, db, skus, { fresh, now }),
    withPromotions ? automaticPromotions(env, now) : null,
    shopSales(env, now),
  ]);
  const variants = new Map(read.map((v) => [v.sku, v]));
  // A line is priced only when its variant is still sold and priced in the cart's currency; any other line (a
  // variant withdrawn, or re-priced in another currency) is shown as unavailable rather than failing the cart.
  for (const [sku, v] of variants) if (v.price.currency !== view.currency) variants.delete(sku);
  const sellable = view.lines.filter((l) => variants.has(l.sku));
  // The one price rule: a sale lowers the unit price, and promotions then apply to what is left.
  const onSale = new Map(
    [...variants.values()].map((v) => [
      v.sku,
      priceUnderSales(sales, v.price, v.productId, v.categoryIds, now),
    ]),
  );
  const priced = priceCart({
    currency: view.currency,
    lines: sellable.map((l) => {
      const v = variants.get(l.sku)!;
      const { productId, categoryIds, collectionIds } = v;
      const unitPrice = onSale.get(l.sku)!.price;
      return { sku: l.sku, quantity: l.quantity, unitPrice, productId, categoryIds, collectionIds };
    }),
    promotions: automatic && { ...EVERYONE, now, automatic: automatic.compiled },
  });
  // The CartDO already bounds lines and quantities, and other currencies were left out above: a failure is a bug.
  if (!priced.ok) throw new Error(`Cannot price cart ${view.cartId}: ${priced.error.detail}`);
  const totals = priced.value;
  return {
    id: view.cartId,
    currency: view.currency,
    lines: totals.lines.map((line) => {
      const v = variants.get(line.sku)!;
      return {
        sku: line.sku,
        quantity: line.quantity,
        productId: v.productId,
        categoryIds: v.categoryIds,
        collectionIds: v.collectionIds,
        productName: v.productName,
        productSlug: v.productSlug,
        variantLabel: variantLabel(v),
        imageUrl: v.imageUrl,
        unitPrice: line.unitPrice,
        compareAtUnitPrice: onSale.get(line.sku)?.compareAt ?? null,
        lineTotal: line.lineTotal,
        weightGrams: v.weightGrams,
        taxCategory: v.taxCategory,
      };
    }),
    itemCount: totals.itemCount,
    subtotal: totals.subtotal,
    discount: totals.discountTotal,
    promotions: (totals.promotions?.applied ?? []).map((a) => ({ name: a.name, amount: a.total })),
    unavailableSkus: view.lines.filter((l) => !variants.has(l.sku)).map((l) => l.sku),
    updatedAt: view.updatedAt,
  };
}

const emptyCart = (cartId: string, currency: string): PricedCart => ({
  id: cartId,
  currency,
  lines: [],
  itemCount: 0,
  subtotal: { amount: 0, currency },
  discount: { amount: 0, currency },
  promotions: [],
  unavailableSkus: [],
  updatedAt: null,
});

/**
 * The priced cart; a cart that was never written reads as empty. `withPromotions: false` leaves promotions out, for
 * checkout, which evaluates them itself knowing who buys and where it ships; `fresh` reads the catalog from the
 * database (checkout again: what is paid is priced from the rows as they are); `now` picks the sales that apply.
 */
export async function readCart(
  env: CartEnv,
  db: Db,
  cartId: string,
  options: PricingOptions = {},
): Promise<PricedCart> {
  const view = await cartStub(env, cartId).get({ cartId });
  return view.ok ? priceView(env, db, view.value, options) : emptyCart(cartId, env.SHOP_CURRENCY);
}

/**
 * Units in the cart, for the header badge: one CartDO read and no pricing query, since every page shows it.
 * Lines whose SKU left the catalog still count until the cart page (which prices them) shows them as unavailable.
 */
export async function countCartItems(env: CartEnv, cartId: string): Promise<number> {
  const view = await cartStub(env, cartId).get({ cartId });
  return view.ok ? view.value.lines.reduce((sum, line) => sum + line.quantity, 0) : 0;
}

/**
 * Checks that `sku` is sold and `quantity` is a valid line quantity, and returns the units available now. The
 * CartDO then holds the whole line to that figure inside its critical section (domain/stock checkLineAvailable).
 */
async function checkSellable(
  env: CartEnv,
  db: Db,
  sku: string,
  quantity: number,
): Promise<Result<{ available: number }>> {
  const [variant] = await cartVariants(env, db, [sku]);
  if (!variant) return fail('UNKNOWN_SKU', `No product variant has SKU ${sku}.`);
  if (variant.price.currency !== env.SHOP_CURRENCY) {
    return fail('CURRENCY_MISMATCH', `SKU ${sku} is not sold in ${env.SHOP_CURRENCY}.`, {
      expected: env.SHOP_CURRENCY,
      found: variant.price.currency,
    });
  }
  const range = checkLineQuantity(quantity);
  if (!range.ok) return range;
  const level = await availableForCart(env, sku);
  if (!level.ok)
    return level.error.code === 'NOT_FOUND' ? fail('UNKNOWN_SKU', `SKU ${sku} is not stocked.`) : level;
  const enough = checkLineAvailable(sku, quantity, level.value.available);
  return enough.ok ? ok({ available: level.value.available }) : enough;
}

/**
 * Makes a cart write idempotent: the CartDO applies a write with a given `requestId` once, and a replay returns the
 * current cart. The API passes one derived from the Idempotency-Key; page forms may pass none.
 */
export type WriteOptions = { requestId?: string | undefined };

/** Adds units of a SKU to the cart, after checking the catalog and the stock. */
export async function addToCart(
  env: CartEnv,
  db: Db,
  cartId: string,
  item: { sku: string; quantity: number },
  options: WriteOptions = {},
): Promise<Result<PricedCart>> {
  const sellable = await checkSellable(env, db, item.sku, item.quantity);
  if (!sellable.ok) return sellable;
  const view = await cartStub(env, cartId).addItem({
    cartId,
    sku: item.sku,
    quantity: item.quantity,
    available: sellable.value.available,
    ...(options.requestId ? { requestId: options.requestId } : {}),
  });
  return view.ok ? ok(await priceView(env, db, view.value)) : view;
}

/** Sets a line's quantity (0 removes it), checking stock when it grows. */
export async function setCartQuantity(
  env: CartEnv,
  db: Db,
  cartId: string,
  item: { sku: string; quantity: number },
  options: WriteOptions = {},
): Promise<Result<PricedCart>> {
  let sellable: { available: number } | undefined;
  if (item.quantity > 0) {
    const checked = await checkSellable(env, db, item.sku, item.quantity);
    if (!checked.ok) return checked;
    sellable = checked.value;
  }
  const view = await cartStub(env, cartId).setQuantity({
    cartId,
    sku: item.sku,
    quantity: item.quantity,
    available: sellable?.available,
    ...(options.requestId ? { requestId: options.requestId } : {}),
  });
  return settle(env, db, cartId, view);
}

/** Prices the CartDO's answer; removing from a cart that was never written leaves an empty cart, not an error. */
async function settle(
  env: CartEnv,
  db: Db,
  cartId: string,
  view: Result<CartView>,
): Promise<Result<PricedCart>> {
  if (view.ok) return ok(await priceView(env, db, view.value));
  return view.error.code === 'NOT_FOUND' ? ok(emptyCart(cartId, env.SHOP_CURRENCY)) : view;
}

/** Removes a line; removing a line that is not there is not an error. */
export async function removeFromCart(
  env: CartEnv,
  db: Db,
  cartId: string,
  sku: string,
  options: WriteOptions = {},
): Promise<Result<PricedCart>> {
  const requestId = options.requestId ? { requestId: options.requestId } : {};
  return settle(env, db, cartId, await cartStub(env, cartId).removeItem({ cartId, sku, ...requestId }));
}
