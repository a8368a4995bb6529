/**
 * The cart page's offline behaviour: a change made offline (or while earlier ones still wait) is queued on the
 * device and shown at once with totals from priceCart; once the service worker has replayed the queue, the page
 * compares what it showed with the server's cart, keeps the sentences across a reload and shows the server's cart.
 */
import { $, type Signal, useSignal, useVisibleTask$ } from '@builder.io/qwik';
import type { PricedCart } from '@worker/services/cart/cart';
import { announceCartCount } from '~/lib/cart-changed';
import { formatMoney } from '~/lib/format';
import type { ServerCart, ShownCart } from '~/lib/offline/cart-view';
import {
  CART_CHANGES_SESSION_KEY,
  CART_QUEUED_CHANNEL,
  isOutboxFlushedMessage,
  type OutboxFlushedMessage,
} from '~/lib/offline/sw-messages';
import type { ChangeLineStore } from '~/routes/(shop)/cart/index';

/** The server cart in the shape the offline modules compare (no zod needed: it comes from our own loader). */
function toServerCart(cart: PricedCart): ServerCart {
  return {
    id: cart.id,
    currency: cart.currency,
    lines: cart.lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      productName: l.productName,
      variantLabel: l.variantLabel,
      unitPrice: l.unitPrice,
      productId: l.productId,
      categoryIds: l.categoryIds,
      collectionIds: l.collectionIds,
    })),
    itemCount: cart.itemCount,
    subtotal: cart.subtotal,
    unavailableSkus: cart.unavailableSkus,
  };
}

function readSavedChanges(): string[] {
  try {
    const saved = sessionStorage.getItem(CART_CHANGES_SESSION_KEY);
    sessionStorage.removeItem(CART_CHANGES_SESSION_KEY);
    const parsed: unknown = saved ? JSON.parse(saved) : [];
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string').slice(0, 20) : [];
  } catch {
    return [];
  }
}

/** What the cart page needs: the device's cart (null: show the server's), messages, and the line-change handler. */
export function useOfflineCart(cart: Readonly<Signal<PricedCart | null>>, action: ChangeLineStore) {
  const shown = useSignal<ShownCart | null>(null);
  const changes = useSignal<string[]>([]);
  const saved = useSignal('');
  const error = useSignal('');
  const currency = cart.value?.currency ?? 'USD';

  /** Redraws the device's cart from the outbox; null when nothing is waiting for this cart. */
  const refresh = $(async () => {
    const [{ readDeviceCart }, { cartIdFromCookies }] = await Promise.all([
      import('~/lib/offline/offline-cart'),
      import('~/lib/offline/cart-id'),
    ]);
    const cartId = cartIdFromCookies(document.cookie, location.protocol);
    if (!cartId) return;
    const base = cart.value ? toServerCart(cart.value) : null;
    const device = await readDeviceCart(cartId, base, currency);
    shown.value = device.pending > 0 ? device.cart : null;
    announceCartCount(device.cart.itemCount);
  });

  const onChange$ = $(async (data: FormData) => {
    saved.value = '';
    error.value = '';
    if (navigator.onLine && !shown.value) {
      // The page's own task announces the new count once the action's loader data arrives.
      await action.submit(data);
      return;
    }
    // Offline, or earlier changes still queued: this one queues behind them, so the shop applies them in order.
    const sku = String(data.get('sku') ?? '');
    const quantity = Number(data.get('quantity'));
    try {
      const [{ setCartQuantityOffline }, { ensureCartIdInBrowser }] = await Promise.all([
        import('~/lib/offline/offline-cart'),
        import('~/lib/offline/cart-id'),
      ]);
      const line = cart.value?.lines.find((l) => l.sku === sku);
      const queued = await setCartQuantityOffline(ensureCartIdInBrowser(), {
        sku,
        quantity,
        productName: line?.productName,
        unitPrice: line?.unitPrice,
      });
      if (!queued.ok) {
        error.value = queued.error.detail;
        return;
      }
      await refresh();
      saved.value =
        quantity === 0
          ? "Removed on this device. Your cart will be updated when you're back online."
          : "Quantity saved on this device. Your cart will be updated when you're back online.";
    } catch {
      error.value = 'Sorry, this device could not save the change offline. Please try again.';
    }
  });

  /** After a replay that left nothing queued: say what differs from what was shown, then show the server's cart. */
  const reconcile = $(async (report: OutboxFlushedMessage['report']) => {
    const [{ compareCarts, describeCartChange }, { ServerCartSchema, showCart }, { cartIdFromCookies }] =
      await Promise.all([
        import('~/lib/offline/cart-changes'),
        import('~/lib/offline/cart-view'),
        import('~/lib/offline/cart-id'),
      ]);
    const cartId = cartIdFromCookies(document.cookie, location.protocol);
    if (!cartId) return;
    const before =
      shown.value ?? showCart(cart.value ? toServerCart(cart.value) : null, [], new Map(), currency);
    const response = await fetch(`/api/carts/${cartId}`, { cache: 'no-store', credentials: 'same-origin' });
    const server = ServerCartSchema.safeParse(response.ok ? await response.json() : null);
    if (!server.success) return;
    const mine = report.rejected.filter((r) => (r.payload as { cartId?: unknown })?.cartId === cartId);
    const sentences = compareCarts(before, server.data, mine).map((c) => describeCartChange(c, formatMoney));
    sessionStorage.setItem(CART_CHANGES_SESSION_KEY, JSON.stringify(sentences));
    // These refusals are in the sentences: the check after the reload must not tell them again.
    await (await import('~/lib/offline/offline-cart')).markRejectionsSeen();
    // The page's lines, images and links come from the server render: reload rather than redraw them here.
    location.reload();
  });

  /**
   * Once the page is idle: draws writes still queued for this cart (e.g. added offline on a product page), and tells
   * about refused writes from replays that ran while no cart page was open. Idle, because it loads Dexie.
   */
  const catchUp = $(async () => {
    const [
      { takeUnseenRejections },
      { compareCarts, describeCartChange },
      { showCart },
      { cartIdFromCookies },
    ] = await Promise.all([
      import('~/lib/offline/offline-cart'),
      import('~/lib/offline/cart-changes'),
      import('~/lib/offline/cart-view'),
      import('~/lib/offline/cart-id'),
    ]);
    const cartId = cartIdFromCookies(document.cookie, location.protocol);
    if (!cartId) return;
    await refresh();
    const refused = await takeUnseenRejections(cartId);
    if (refused.length === 0) return;
    const cartNow = cart.value ? toServerCart(cart.value) : null;
    if (!cartNow) return;
    // The same cart on both sides: only the refusals are news.
    const unchanged = showCart(cartNow, [], new Map(), currency);
    const sentences = compareCarts(unchanged, cartNow, refused).map((c) =>
      describeCartChange(c, formatMoney),
    );
    changes.value = [...changes.value, ...sentences.filter((s) => !changes.value.includes(s))];
  });

  // biome-ignore lint/correctness/noQwikUseVisibleTask: BroadcastChannel, service worker messages and sessionStorage exist only in the browser.
  useVisibleTask$(
    ({ cleanup }) => {
      changes.value = readSavedChanges();
      const idle =
        'requestIdleCallback' in window ? requestIdleCallback : (run: () => void) => setTimeout(run, 500);
      idle(() => void catchUp().catch(() => undefined));
      const channel =
        typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CART_QUEUED_CHANNEL);
      if (channel) channel.onmessage = () => void refresh();
      function flushed(event: MessageEvent) {
        if (!isOutboxFlushedMessage(event.data)) return;
        const { report } = event.data;
        if (report.remaining === 0 && (report.sent > 0 || report.rejected.length > 0)) void reconcile(report);
      }
      navigator.serviceWorker?.addEventListener('message', flushed);
      cleanup(() => {
        channel?.close();
        navigator.serviceWorker?.removeEventListener('message', flushed);
      });
    },
    { strategy: 'document-ready' },
  );

  return { shown, changes, saved, error, onChange$ };
}
