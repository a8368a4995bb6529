/**
 * One product in the back office: its facts, option types, images (with their stored sizes) and variants with stock
 * on hand, and per variant a stock adjustment that goes through the SKU's StockDO into the ledger, and its bin
 * location in the warehouse. Viewing needs catalog:read (the guard); adjusting and setting bins check inventory:write.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findCategory } from '@db/repositories/catalog-groups';
import { statusOfError } from '@domain/core/errors';
import { MAX_BIN_LENGTH } from '@domain/fulfilment/bins';
import { can } from '@domain/identity/permissions';
import { StockAdjustmentInput } from '@domain/inventory/adjustment-input';
import { MANUAL_REASONS } from '@domain/inventory/movements';
import { getProduct } from '@worker/services/catalog/products';
import { adjustStock } from '@worker/services/inventory/adjustments';
import { binsOf, setBinLocation } from '@worker/services/inventory/bins';
import { notifyLowStock } from '@worker/services/inventory/low-stock';
import { publicOrigin } from '@worker/services/shop/settings';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { STATUS_BADGES, STATUS_LABELS } from '~/lib/admin-catalog';
import { staffWith } from '~/lib/admin-session';
import { formatMoney } from '~/lib/format';
import { pageStaff } from '~/lib/session';

export const useProduct = routeLoader$(async (event) => {
  const db = createDb(event.platform.env);
  const found = await getProduct({ db }, (event.params.id ?? '').slice(0, 40));
  if (!found.ok) throw event.error(404, 'No product has this id.');
  const me = (await pageStaff(event))?.principal;
  const [category, bins] = await Promise.all([
    findCategory(db, found.value.categoryId),
    binsOf(
      db,
      found.value.variants.map((v) => v.sku),
    ),
  ]);
  return {
    product: found.value,
    bins: Object.fromEntries(bins),
    categoryName: category?.name ?? '—',
    canAdjust: !!me && can(me.roles, 'inventory:write'),
    canEdit: !!me && can(me.roles, 'catalog:write'),
  };
});

export const useAdjust = routeAction$(
  async ({ sku, delta, reason, note }, event) => {
    const actor = await staffWith(event, 'inventory:write');
    if (!actor) return event.fail(403, { message: 'Your roles do not allow changing stock.' });
    const parsed = StockAdjustmentInput.safeParse({ delta, reason, note });
    if (!parsed.success) {
      return event.fail(400, { message: parsed.error.issues[0]?.message ?? 'Check the adjustment.' });
    }
    const result = await adjustStock(
      {
        db: createDb(event.platform.env),
        env: event.platform.env,
        actor,
        now: Date.now(),
        requestId: event.request.headers.get('X-Request-Id') ?? undefined,
        onLowStock: (lowSku, available) =>
          event.platform.ctx.waitUntil(
            notifyLowStock(
              event.platform.env,
              createDb(event.platform.env),
              publicOrigin(event.platform.env, event.url.href),
              lowSku,
              available,
            ),
          ),
      },
      sku,
      parsed.data,
    );
    if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
    return {
      message: `${sku}: ${result.value.level.onHand} on hand (${result.value.level.available} available).`,
    };
  },
  zod$({
    sku: z.string().min(1).max(64),
    delta: z.coerce.number().int(),
    reason: z.enum(MANUAL_REASONS),
    note: z.string().max(500).optional(),
  }),
);

export const useSetBin = routeAction$(
  async ({ sku, binLocation }, event) => {
    const actor = await staffWith(event, 'inventory:write');
    if (!actor) return event.fail(403, { message: 'Your roles do not allow changing bin locations.' });
    const result = await setBinLocation(
      {
        db: createDb(event.platform.env),
        actor,
        now: Date.now(),
        requestId: event.request.headers.get('X-Request-Id') ?? undefined,
      },
      sku,
      binLocation,
    );
    if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
    const bin = result.value.binLocation;
    return { message: bin ? `${sku} is now in bin ${bin}.` : `${sku} has no bin now.` };
  },
  zod$({ sku: z.string().min(1).max(64), binLocation: z.string().max(200).default('') }),
);

export default component$(() => {
  const data = useProduct();
  const adjust = useAdjust();
  const setBin = useSetBin();
  const { product: p, bins, categoryName, canAdjust, canEdit } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>{p.name}</h1>
          <p class="adm-lede">
            <span class={['adm-badge', STATUS_BADGES[p.status]]}>{STATUS_LABELS[p.status]}</span> ·{' '}
            {categoryName} ·{' '}
            {p.status === 'active' ? <a href={`/p/${p.slug}`}>View in the shop</a> : `/p/${p.slug}`}
          </p>
        </div>
        <div class="adm-row-actions">
          {canEdit && (
            <a class="adm-btn adm-btn-primary" href={`/admin/products/${p.id}/edit`}>
              Edit product
            </a>
          )}
          <a class="adm-btn adm-btn-secondary" href="/admin/products">
            All products
          </a>
        </div>
      </div>

      <div class="adm-grid">
        <section class="adm-card adm-card-pad">
          <h2>Details</h2>
          <dl class="adm-dl">
            <dt>Brand</dt>
            <dd>{p.brand || '—'}</dd>
            <dt>Tags</dt>
            <dd>{p.tags.length ? p.tags.join(', ') : '—'}</dd>
            <dt>Options</dt>
            <dd>
              {p.options.length
                ? p.options.map((o) => `${o.name}: ${o.values.join(', ')}`).join(' · ')
                : 'None'}
            </dd>
            <dt>Attributes</dt>
            <dd>
              {p.attributes.length ? p.attributes.map((a) => `${a.name}: ${a.value}`).join(' · ') : '—'}
            </dd>
            <dt>SEO title</dt>
            <dd>{p.seoTitle || p.name}</dd>
          </dl>
        </section>
        <section class="adm-card adm-card-pad">
          <h2>Images</h2>
          {p.images.length === 0 ? (
            <p class="adm-muted">No images yet.</p>
          ) : (
            <ul class="adm-list">
              {p.images.map((img) => (
                <li key={img.id}>
                  <img
                    src={img.url}
                    alt={img.alt}
                    width={img.width ?? 96}
                    height={img.height ?? 96}
                    loading="lazy"
                    style={{ maxWidth: '6rem', height: 'auto' }}
                  />{' '}
                  {img.alt || <span class="adm-muted">No alt text</span>}
                  {img.width && ` · ${img.width}×${img.height}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <FormStatus outcome={outcomeOf(adjust.value)} />
      <FormStatus outcome={outcomeOf(setBin.value)} />
      <section class="adm-card adm-card-flush">
        <div class="adm-table-wrap">
          <table class="adm-table">
            <caption>Variants and stock</caption>
            <thead>
              <tr>
                <th scope="col">Variant</th>
                <th scope="col">SKU</th>
                <th scope="col" class="adm-num">
                  Price
                </th>
                <th scope="col" class="adm-num">
                  Compare at
                </th>
                <th scope="col">Barcode</th>
                <th scope="col" class="adm-num">
                  Weight
                </th>
                <th scope="col" class="adm-num">
                  On hand
                </th>
                <th scope="col">Bin location</th>
                {canAdjust && <th scope="col">Adjust stock</th>}
              </tr>
            </thead>
            <tbody>
              {p.variants.map((v) => {
                const label = Object.values(v.options).join(' / ') || 'Default';
                return (
                  <tr key={v.id}>
                    <th scope="row" class="adm-cell-main">
                      {label}
                    </th>
                    <td class="adm-nowrap">{v.sku}</td>
                    <td class="adm-num">{formatMoney({ amount: v.price, currency: v.currency })}</td>
                    <td class="adm-num">
                      {v.compareAt === null
                        ? '—'
                        : formatMoney({ amount: v.compareAt, currency: v.currency })}
                    </td>
                    <td>{v.barcode ?? '—'}</td>
                    <td class="adm-num">{v.weightGrams} g</td>
                    <td class="adm-num">{v.onHand ?? '—'}</td>
                    <td>
                      {canAdjust && v.sku in bins ? (
                        <Form action={setBin} class="adm-row-actions">
                          <input type="hidden" name="sku" value={v.sku} />
                          <label for={`bin-${v.id}`}>
                            Bin<span class="visually-hidden"> for {v.sku}</span>
                          </label>
                          <input
                            id={`bin-${v.id}`}
                            class="adm-input"
                            name="binLocation"
                            value={bins[v.sku] ?? ''}
                            maxLength={MAX_BIN_LENGTH}
                            placeholder="A-03-2"
                            style={{ width: '6rem' }}
                          />
                          <button type="submit" class="adm-btn adm-btn-secondary adm-btn-sm">
                            Save bin<span class="visually-hidden"> for {v.sku}</span>
                          </button>
                        </Form>
                      ) : (
                        (bins[v.sku] ?? '—')
                      )}
                    </td>
                    {canAdjust && (
                      <td>
                        <Form action={adjust} class="adm-row-actions">
                          <input type="hidden" name="sku" value={v.sku} />
                          <label class="visually-hidden" for={`delta-${v.id}`}>
                            Units to add (negative to remove) for {v.sku}
                          </label>
                          <input
                            id={`delta-${v.id}`}
                            class="adm-input"
                            name="delta"
                            type="number"
                            step="1"
                            required
                            style={{ width: '5rem' }}
                          />
                          <label class="visually-hidden" for={`reason-${v.id}`}>
                            Reason for {v.sku}
                          </label>
                          <select
                            id={`reason-${v.id}`}
                            class="adm-input"
                            name="reason"
                            style={{ width: '8rem' }}
                          >
                            {MANUAL_REASONS.map((r) => (
                              <option key={r} value={r}>
                                {r[0]!.toUpperCase() + r.slice(1)}
                              </option>
                            ))}
                          </select>
                          <label class="visually-hidden" for={`note-${v.id}`}>
                            Note for {v.sku}
                          </label>
                          <input
                            id={`note-${v.id}`}
                            class="adm-input"
                            name="note"
                            maxLength={500}
                            placeholder="Note"
                          />
                          <button type="submit" class="adm-btn adm-btn-secondary adm-btn-sm">
                            Adjust<span class="visually-hidden"> {v.sku}</span>
                          </button>
                        </Form>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => ({ title: resolveValue(useProduct).product.name });
