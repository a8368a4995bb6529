/** Product page: gallery, price of the chosen variant, size/colour choice, add to cart (works without JS), reviews. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, useLocation, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { getProductBySlug } from '@db/repositories/catalog';
import { variantLabel } from '@domain/catalog/variant-label';
import { statusOfError } from '@domain/core/errors';
import { addToCart } from '@worker/services/cart/cart';
import { availableBySku } from '@worker/services/inventory/stock-levels';
import { AddToCartForm } from '~/components/shop/add-to-cart-form/AddToCartForm';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { ProductGallery } from '~/components/shop/product-gallery/ProductGallery';
import { ReviewList } from '~/components/shop/review-list/ReviewList';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { StarRating } from '~/components/ui/star-rating/StarRating';
import { mintCartId, readCartId, writeCartId } from '~/lib/cart-cookie';
import { findVariant } from '~/lib/find-variant';
import { formQuantity } from '~/lib/form-quantity';
import { describeCartError } from '~/lib/format';
import { productReviewsPage } from '~/lib/reviews';

/**
 * The product with units available per SKU (availableBySku), or null with status 404 when no active product has
 * this slug.
 */
export const useProduct = routeLoader$(async ({ platform, params, status }) => {
  const product = await getProductBySlug(createDb(platform.env), params.slug ?? '');
  if (!product) {
    status(404);
    return null;
  }
  const available = await availableBySku(
    platform.env,
    product.variants.map((v) => v.sku),
  );
  return { ...product, available };
});

/** The first page of the product's published reviews with the rating summary (null when there is no product). */
export const useProductReviews = routeLoader$(async ({ resolveValue, platform }) => {
  const product = await resolveValue(useProduct);
  return product ? productReviewsPage(createDb(platform.env), product.id, 1) : null;
});

/**
 * Adds the chosen variant to the cart. The form posts size and colour, not a SKU, so it works without JavaScript;
 * the SKU is resolved here from the product's own variants (findVariant, the same rule the offline add uses in the
 * browser), and the price always comes from the catalog.
 */
export const useAddToCart = routeAction$(
  async (input, { platform, params, cookie, url, fail }) => {
    const db = createDb(platform.env);
    const product = await getProductBySlug(db, params.slug ?? '');
    if (!product) return fail(404, { message: 'Sorry, this product is no longer available.' });
    const variant = findVariant(product.variants, input);
    if (!variant) {
      return fail(400, {
        message: 'That size and colour combination is not available. Please choose another.',
      });
    }
    const cartId = readCartId(cookie, url) ?? mintCartId();
    const result = await addToCart(platform.env, db, cartId, { sku: variant.sku, quantity: input.quantity });
    if (!result.ok) {
      return fail(statusOfError(result.error.code), { message: describeCartError(result.error) });
    }
    writeCartId(cookie, url, cartId);
    const label = variantLabel(variant);
    return {
      message: `Added ${input.quantity} × ${product.name}${label ? ` (${label})` : ''} to your cart.`,
      itemCount: result.value.itemCount,
    };
  },
  zod$((z) => ({
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
  const loc = useLocation();
  const reviews = useProductReviews();
  const p = product.value;
  if (!p) return <NotFound what="product" />;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Home', href: '/' },
          { label: p.categoryName, href: `/c/${p.categorySlug}` },
          { label: p.name },
        ]}
      />
      <div class="product-layout">
        <ProductGallery images={p.images} initial={Number(loc.url.searchParams.get('image')) || 0} />
        <div class="product-info">
          <p class="product-brand">{p.brand}</p>
          <h1>{p.name}</h1>
          <a href="#reviews-title" class="rating-link">
            <StarRating rating={p.rating} reviewCount={p.reviewCount} />
          </a>
          <AddToCartForm product={p} action={action} />
        </div>
      </div>
      <section class="product-section" aria-labelledby="description-title">
        <h2 id="description-title">Description</h2>
        <p>{p.description}</p>
      </section>
      {reviews.value && <ReviewList productSlug={p.slug} reviews={reviews.value} />}
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const p = resolveValue(useProduct);
  return p
    ? { title: p.name, meta: [{ name: 'description', content: p.description.slice(0, 160) }] }
    : { title: 'Product not found' };
};
