/**
 * Product page: gallery, variant picker for any option types, live stock, specification, related products, reviews;
 * canonical URL, Open Graph/Twitter tags and Product JSON-LD. Nothing on it is per shopper, so it can be cached
 * publicly; availability is refreshed live over a WebSocket once the page is idle.
 */
import { component$, useComputed$, useSignal, useStore, useTask$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { variantLabel } from '@domain/catalog/variant-label';
import { statusOfError } from '@domain/core/errors';
import { addToCart } from '@worker/services/cart/cart';
import {
  loadProductView,
  loadShopProductView,
  type ProductView,
} from '@worker/services/catalog/product-detail';
import { decimalPrice, jsonForScript, productJsonLd } from '@worker/services/catalog/structured-data';
import { availableBySku } from '@worker/services/inventory/stock-levels';
import { publicOrigin, shopSettings } from '@worker/services/shop/settings';
import { AddToCartForm, type BuyBoxProduct } from '~/components/shop/add-to-cart-form/AddToCartForm';
import { LiveStock } from '~/components/shop/live-stock/LiveStock';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { ProductGallery } from '~/components/shop/product-gallery/ProductGallery';
import { ProductGrid } from '~/components/shop/product-grid/ProductGrid';
import { ReviewList } from '~/components/shop/review-list/ReviewList';
import { SpecTable } from '~/components/shop/spec-table/SpecTable';
import { FEW_LEFT } from '~/components/shop/stock-note/StockNote';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { Icon } from '~/components/ui/icon/Icon';
import { StarRating } from '~/components/ui/star-rating/StarRating';
import { mintCartId, readCartId, writeCartId } from '~/lib/cart-cookie';
import { findVariant, findVariantByOptions } from '~/lib/find-variant';
import { formQuantity } from '~/lib/form-quantity';
import { describeCartError } from '~/lib/format';
import { firstReviewsPage } from '~/lib/reviews';
import { recordPageStep } from '~/lib/traffic';

/**
 * The product with units available per SKU (availableBySku), its JSON-LD and the shop's public origin (for canonical
 * and Open Graph URLs), or null with status 404 when no active product has this slug.
 */
export const useProduct = routeLoader$(async ({ platform, params, status, url }) => {
  const product = await loadShopProductView(
    platform.env,
    createDb(platform.env),
    params.slug ?? '',
    Date.now(),
  );
  if (!product) {
    status(404);
    return null;
  }
  const available = await availableBySku(
    platform.env,
    product.variants.map((v) => v.sku),
  );
  const origin = publicOrigin(platform.env, url.href);
  const shopName = shopSettings(platform.env).name;
  const jsonLd = jsonForScript(productJsonLd(product, { origin, shopName, available, fewLeft: FEW_LEFT }));
  return { ...product, available, origin, jsonLd };
});

/** What the buy box and the gallery need in the browser: option types, each variant's options, price and image. */
function buyBox(p: ProductView): BuyBoxProduct & { imageIds: string[] } {
  return {
    name: p.name,
    optionTypes: p.optionTypes,
    variants: p.variants.map(({ sku, options, price, compareAt, imageId }) => ({
      sku,
      options,
      price,
      compareAt,
      imageId,
    })),
    imageIds: p.images.map((i) => i.id),
  };
}

/**
 * Adds the chosen variant to the cart. The form posts the option values (`option_0`…), not a SKU, so it works without
 * JavaScript; the SKU is resolved here from the product's own variants, and the price always comes from the catalog.
 * `size`/`colour` are still accepted from forms rendered before option types.
 */
export const useAddToCart = routeAction$(
  async (input, event) => {
    const { platform, params, cookie, url, fail } = event;
    const db = createDb(platform.env);
    const product = await loadProductView(db, params.slug ?? '');
    if (!product) return fail(404, { message: 'Sorry, this product is no longer available.' });
    const names = product.optionTypes.map((t) => t.name);
    const posted = [input.option_0, input.option_1, input.option_2];
    const variant = posted.some((v) => v !== undefined)
      ? findVariantByOptions(product.variants, names, posted)
      : findVariant(product.variants, input);
    if (!variant) {
      return fail(400, { message: 'That combination is not available. Please choose other options.' });
    }
    const cartId = readCartId(cookie, url) ?? mintCartId();
    const result = await addToCart(platform.env, db, cartId, { sku: variant.sku, quantity: input.quantity });
    if (!result.ok) {
      return fail(statusOfError(result.error.code), { message: describeCartError(result.error) });
    }
    writeCartId(cookie, url, cartId);
    recordPageStep(event, 'add_to_cart');
    const label = Object.values(variant.options).join(' / ') || variantLabel(variant);
    return {
      message: `Added ${input.quantity} × ${product.name}${label ? ` (${label})` : ''} to your cart.`,
      itemCount: result.value.itemCount,
    };
  },
  zod$((z) => ({
    option_0: z.string().trim().max(80).optional(),
    option_1: z.string().trim().max(80).optional(),
    option_2: z.string().trim().max(80).optional(),
    size: z.string().trim().max(40).optional(),
    colour: z.string().trim().max(40).optional(),
    quantity: formQuantity(1),
  })),
);

/** The action's store, for the form component. */
export type AddToCartStore = ReturnType<typeof useAddToCart>;

export default component$(() => {
  const product = useProduct();
  const action = useAddToCart();
  // Browser code captures only `buy` (the buy box's variants), never the whole product. (Qwik City serialises the
  // loader's value into the page state all the same; reading it with untrack() saved nothing there and made the
  // page load eight more chunks after load: tests/e2e/weight.spec.ts.)
  const p = product.value;
  const buy = p ? buyBox(p) : null;
  const posted = action.formData;
  // The first variant in stock is preselected; after a no-JS post, what the shopper chose.
  const preferred = p ? (p.variants.find((v) => (p.available[v.sku] ?? 1) > 0) ?? p.variants[0]) : undefined;
  const values = useSignal<string[]>(
    p
      ? p.optionTypes.map((t, i) => String(posted?.get(`option_${i}`) ?? preferred?.options[t.name] ?? ''))
      : [],
  );
  const stock = useStore<Record<string, number | null>>(p ? { ...p.available } : {});
  const variant = useComputed$(() =>
    buy
      ? findVariantByOptions(
          buy.variants,
          buy.optionTypes.map((t) => t.name),
          values.value,
        )
      : null,
  );
  const sku = useComputed$(() => variant.value?.sku ?? null);
  const imageIndex = useSignal(0);
  useTask$(({ track }) => {
    // A variant with its own photo brings it to the front of the gallery.
    const id = track(() => variant.value?.imageId);
    const at = id && buy ? buy.imageIds.indexOf(id) : -1;
    if (at >= 0) imageIndex.value = at;
  });
  if (!p || !buy) return <NotFound what="product" />;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Home', href: '/' },
          ...p.categoryPath.map((c) => ({ label: c.name, href: `/c/${c.slug}` })),
          { label: p.name },
        ]}
      />
      <div class="product-layout">
        <ProductGallery images={p.images} current={imageIndex} />
        <div class="product-info">
          {p.brand && <p class="product-brand">{p.brand}</p>}
          <h1>{p.name}</h1>
          <a href="#reviews-title" class="rating-link">
            <StarRating rating={p.rating} reviewCount={p.reviewCount} />
          </a>
          <AddToCartForm product={buy} action={action} values={values} stock={stock} />
          <LiveStock sku={sku} stock={stock} />
          <ul class="product-perks" aria-label="Delivery and returns">
            <li>
              <Icon name="truck" /> Free shipping over $75
            </li>
            <li>
              <Icon name="return" /> Free 30-day returns
            </li>
          </ul>
        </div>
      </div>
      <div class="product-details">
        <section class="product-section" aria-labelledby="description-title">
          <h2 id="description-title">Description</h2>
          <div class="prose" dangerouslySetInnerHTML={p.descriptionHtml} />
        </section>
        {p.attributes.length > 0 && <SpecTable attributes={p.attributes} />}
      </div>
      <ReviewList productSlug={p.slug} reviews={firstReviewsPage(p)} />
      {p.related.length > 0 && (
        <section class="product-section product-related" aria-labelledby="related-title">
          <h2 id="related-title">You may also like</h2>
          <ProductGrid products={p.related} headingLevel={3} label="Related products" />
        </section>
      )}
      {/* Escaped by jsonForScript: no "<" survives, so nothing inside can close this element. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={p.jsonLd} />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const p = resolveValue(useProduct);
  if (!p) return { title: 'Product not found' };
  const url = `${p.origin}/p/${p.slug}`;
  const title = p.seoTitle || p.name;
  const image = p.images[0];
  const price = p.variants[0]?.price;
  const meta = [
    { name: 'description', content: p.summary },
    { property: 'og:type', content: 'product' },
    { property: 'og:title', content: title },
    { property: 'og:description', content: p.summary },
    { property: 'og:url', content: url },
    { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: title },
    { name: 'twitter:description', content: p.summary },
  ];
  if (image) {
    const src = new URL(image.url, p.origin).href;
    meta.push(
      { property: 'og:image', content: src },
      { property: 'og:image:alt', content: image.alt },
      { name: 'twitter:image', content: src },
    );
    if (image.width && image.height) {
      meta.push(
        { property: 'og:image:width', content: String(image.width) },
        { property: 'og:image:height', content: String(image.height) },
      );
    }
  }
  if (price) {
    meta.push(
      { property: 'product:price:amount', content: decimalPrice(price.amount, price.currency) },
      { property: 'product:price:currency', content: price.currency },
    );
  }
  return { title, meta, links: [{ rel: 'canonical', href: url }] };
};
