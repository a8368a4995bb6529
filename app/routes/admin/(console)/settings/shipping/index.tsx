/**
 * Shipping: zones (the countries they cover, or the rest of the world) and their methods (flat rate or weight
 * table, optionally free from a subtotal). Viewing needs settings:read; every change checks settings:write again.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listShippingZones } from '@db/repositories/tax-shipping';
import { formatCsvPrice } from '@domain/catalog/csv-price';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { ShippingMethodInput, ShippingZoneInput } from '@domain/pricing/rules-input';
import type { ShippingMethodRule } from '@domain/pricing/shipping';
import { removeMethod, removeZone, saveMethod, saveZone } from '@worker/services/pricing/shipping-rules';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { RowActions } from '~/components/admin/row-actions/RowActions';
import { staffWith } from '~/lib/admin-session';
import { countryName, formatMoney } from '~/lib/format';
import {
  formatWeightBands,
  parseAmount,
  parseWeightBands,
  pricingRulesContext,
  splitCountryCodes,
} from '~/lib/pricing-rules-form';
import { pageStaff } from '~/lib/session';

const NOT_ALLOWED = 'Your roles do not allow changing shipping.';

export const useShipping = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const zones = await listShippingZones(createDb(event.platform.env));
  const zoneId = event.url.searchParams.get('zone');
  const methodId = event.url.searchParams.get('method');
  const editingMethod = zones
    .flatMap((z) => z.methods.map((m) => ({ ...m, zoneId: z.id })))
    .find((m) => m.id === methodId);
  const saved = event.url.searchParams.get('saved');
  const zone = zones.find((z) => z.id === zoneId) ?? null;
  const notices: Record<string, string | undefined> = {
    zone: zone ? `Zone “${zone.name}” saved.` : undefined,
    'zone-deleted': 'Zone and its methods deleted.',
    method: editingMethod ? `Method “${editingMethod.name}” saved.` : undefined,
    'method-deleted': 'Method deleted.',
  };
  return {
    zones,
    currency: event.platform.env.SHOP_CURRENCY,
    // After a save the forms start empty again; ?zone=<id> or ?method=<id> alone opens one for editing.
    editingZone: saved ? null : zone,
    editingMethod: saved ? null : (editingMethod ?? null),
    notice: saved ? notices[saved] : undefined,
    canWrite: !!me && can(me.roles, 'settings:write'),
  };
});

/** A domain schema failure as the form shows it: the first message, on its field. */
function schemaFailure(issues: { path: PropertyKey[]; message: string }[]) {
  const issue = issues[0];
  const message = issue?.message ?? 'Check the form.';
  return { message, fieldErrors: { [String(issue?.path[0] ?? 'form')]: message } };
}

export const useSaveZone = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'settings:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const parsed = ShippingZoneInput.safeParse({
      name: input.name,
      countries: splitCountryCodes(input.countries ?? ''),
      restOfWorld: input.restOfWorld === 'on',
      position: Number(input.position || 0),
    });
    if (!parsed.success) return event.fail(400, schemaFailure(parsed.error.issues));
    const saved = await saveZone(pricingRulesContext(event, actor), input.id || null, parsed.data);
    if (!saved.ok) return event.fail(statusOfError(saved.error.code), { message: saved.error.detail });
    throw event.redirect(303, `${event.url.pathname}?saved=zone&zone=${encodeURIComponent(saved.value.id)}`);
  },
  zod$({
    id: z.string().max(60).optional(),
    name: z.string().max(200),
    countries: z.string().max(2000).optional(),
    restOfWorld: z.string().max(3).optional(),
    position: z.string().max(6).optional(),
  }),
);

export const useDeleteZone = routeAction$(
  async ({ id }, event) => {
    const actor = await staffWith(event, 'settings:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const removed = await removeZone(pricingRulesContext(event, actor), id);
    if (!removed.ok) return event.fail(statusOfError(removed.error.code), { message: removed.error.detail });
    throw event.redirect(303, `${event.url.pathname}?saved=zone-deleted`);
  },
  zod$({ id: z.string().max(60) }),
);

export const useSaveMethod = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'settings:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const currency = event.platform.env.SHOP_CURRENCY;
    const amount = parseAmount(input.amount ?? '', currency, 'The price', 0);
    if (!amount.ok)
      return event.fail(400, { message: amount.message, fieldErrors: { amount: amount.message } });
    const freeFrom = parseAmount(input.freeFrom ?? '', currency, 'Free from');
    if (!freeFrom.ok)
      return event.fail(400, { message: freeFrom.message, fieldErrors: { freeFrom: freeFrom.message } });
    const bands = parseWeightBands(input.weightBands ?? '', currency);
    if (!bands.ok)
      return event.fail(400, { message: bands.message, fieldErrors: { weightBands: bands.message } });
    const parsed = ShippingMethodInput.safeParse({
      code: input.code,
      name: input.name,
      kind: input.kind,
      amount: amount.value ?? 0,
      weightBands: bands.value,
      freeFrom: freeFrom.value,
      minDays: Number(input.minDays),
      maxDays: Number(input.maxDays),
      active: input.active === 'on',
    });
    if (!parsed.success) return event.fail(400, schemaFailure(parsed.error.issues));
    const saved = await saveMethod(pricingRulesContext(event, actor), input.zoneId, input.id || null, {
      ...parsed.data,
      currency,
    });
    if (!saved.ok) return event.fail(statusOfError(saved.error.code), { message: saved.error.detail });
    throw event.redirect(
      303,
      `${event.url.pathname}?saved=method&method=${encodeURIComponent(saved.value.id)}`,
    );
  },
  zod$({
    id: z.string().max(60).optional(),
    zoneId: z.string().max(60),
    code: z.string().max(60),
    name: z.string().max(200),
    kind: z.string().max(10),
    amount: z.string().max(20).optional(),
    weightBands: z.string().max(2000).optional(),
    freeFrom: z.string().max(20).optional(),
    minDays: z.string().max(4),
    maxDays: z.string().max(4),
    active: z.string().max(3).optional(),
  }),
);

export const useDeleteMethod = routeAction$(
  async ({ id }, event) => {
    const actor = await staffWith(event, 'settings:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const removed = await removeMethod(pricingRulesContext(event, actor), id);
    if (!removed.ok) return event.fail(statusOfError(removed.error.code), { message: removed.error.detail });
    throw event.redirect(303, `${event.url.pathname}?saved=method-deleted`);
  },
  zod$({ id: z.string().max(60) }),
);

/** "Flat $5.95, free from $75.00" / "By weight: up to 1,000 g $19.95; …". */
function describePrice(m: ShippingMethodRule): string {
  function money(amount: number) {
    return formatMoney({ amount, currency: m.currency });
  }
  const base =
    m.kind === 'flat'
      ? `Flat ${money(m.amount)}`
      : `By weight: ${m.weightBands.map((b) => `up to ${b.upToGrams.toLocaleString('en')} g ${money(b.amount)}`).join('; ')}`;
  return m.freeFrom === null ? base : `${base}; free from ${money(m.freeFrom)}`;
}

export default component$(() => {
  const data = useShipping();
  const saveZoneAction = useSaveZone();
  const deleteZoneAction = useDeleteZone();
  const saveMethodAction = useSaveMethod();
  const deleteMethodAction = useDeleteMethod();
  const { zones, currency, editingZone, editingMethod, notice, canWrite } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Shipping</h1>
          <p class="adm-lede">
            {zones.length} zones. A country ships in the zone that lists it, else in the rest-of-the-world
            zone; prices are in {currency}.
          </p>
        </div>
      </div>
      <FormStatus ok={notice} outcome={outcomeOf(deleteZoneAction.value ?? deleteMethodAction.value)} />
      {zones.map((zone) => (
        <section key={zone.id} class="adm-card adm-card-flush" aria-labelledby={`zone-${zone.id}`}>
          <div class="adm-card-head adm-card-head-pad">
            <div>
              <h2 id={`zone-${zone.id}`}>{zone.name}</h2>
              <p class="adm-muted">
                {zone.restOfWorld ? 'Every country no other zone lists' : ''}
                {zone.restOfWorld && zone.countries.length > 0 ? ', and ' : ''}
                {zone.countries.map(countryName).join(', ')}
              </p>
            </div>
            {canWrite && (
              <RowActions
                what={zone.name}
                editHref={`?zone=${encodeURIComponent(zone.id)}#zone-form`}
                editLabel="Edit zone"
                deleteLabel="Delete zone"
                remove={deleteZoneAction}
                id={zone.id}
              />
            )}
          </div>
          {zone.methods.length === 0 ? (
            <p class="adm-card-pad">No methods yet: shoppers in this zone cannot check out.</p>
          ) : (
            <div class="adm-table-wrap">
              <table class="adm-table">
                <caption class="visually-hidden">Shipping methods in {zone.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Method</th>
                    <th scope="col">Code</th>
                    <th scope="col">Price</th>
                    <th scope="col">Transit</th>
                    <th scope="col">Status</th>
                    {canWrite && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {zone.methods.map((m) => (
                    <tr key={m.id} class={m.active ? undefined : 'adm-row-muted'}>
                      <th scope="row" class="adm-cell-main">
                        {m.name}
                      </th>
                      <td class="adm-nowrap">
                        <code class="adm-code">{m.code}</code>
                      </td>
                      <td>{describePrice(m)}</td>
                      <td class="adm-nowrap">
                        {m.minDays}–{m.maxDays} days
                      </td>
                      <td>
                        {m.active ? (
                          <span class="adm-badge adm-badge-ok">Offered</span>
                        ) : (
                          <span class="adm-badge adm-badge-muted">Off</span>
                        )}
                      </td>
                      {canWrite && (
                        <td>
                          <RowActions
                            what={`${m.name} in ${zone.name}`}
                            editHref={`?method=${encodeURIComponent(m.id)}#method-form`}
                            remove={deleteMethodAction}
                            id={m.id}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {canWrite && (
        <div class="adm-grid">
          <Form action={saveZoneAction} class="adm-card adm-card-pad adm-form" id="zone-form">
            <h2>{editingZone ? `Edit zone “${editingZone.name}”` : 'Add a zone'}</h2>
            {editingZone && <input type="hidden" name="id" value={editingZone.id} />}
            <div class="adm-field">
              <label for="zone-name">Zone name</label>
              <input
                id="zone-name"
                class="adm-input"
                name="name"
                required
                maxLength={80}
                value={editingZone?.name ?? ''}
              />
            </div>
            <div class="adm-field">
              <label for="zone-countries">Country codes</label>
              <textarea
                id="zone-countries"
                class="adm-input"
                name="countries"
                rows={3}
                aria-describedby="zone-countries-hint"
                value={editingZone?.countries.join(', ') ?? ''}
              />
              <p id="zone-countries-hint" class="adm-hint">
                Two-letter codes separated by commas: CA, MX. A country may be in one zone only.
              </p>
            </div>
            <label class="adm-check">
              <input type="checkbox" name="restOfWorld" checked={editingZone?.restOfWorld ?? false} /> Also
              cover every country no other zone lists
            </label>
            <div class="adm-field">
              <label for="zone-position">Order on this page</label>
              <input
                id="zone-position"
                class="adm-input"
                name="position"
                inputMode="numeric"
                value={String(editingZone ? zones.findIndex((z) => z.id === editingZone.id) : zones.length)}
              />
            </div>
            <FormStatus outcome={outcomeOf(saveZoneAction.value)} />
            <button type="submit" class="adm-btn adm-btn-primary" disabled={saveZoneAction.isRunning}>
              Save zone
            </button>
          </Form>
          <Form action={saveMethodAction} class="adm-card adm-card-pad adm-form" id="method-form">
            <h2>{editingMethod ? `Edit method “${editingMethod.name}”` : 'Add a method'}</h2>
            {editingMethod && <input type="hidden" name="id" value={editingMethod.id} />}
            <div class="adm-field">
              <label for="method-zone">Zone</label>
              <select id="method-zone" class="adm-input" name="zoneId">
                {zones.map((z) => (
                  <option key={z.id} value={z.id} selected={editingMethod?.zoneId === z.id}>
                    {z.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="adm-field">
              <label for="method-name">Name shoppers see</label>
              <input
                id="method-name"
                class="adm-input"
                name="name"
                required
                maxLength={80}
                value={editingMethod?.name ?? ''}
              />
            </div>
            <div class="adm-field">
              <label for="method-code">Method code</label>
              <input
                id="method-code"
                class="adm-input"
                name="code"
                required
                maxLength={40}
                value={editingMethod?.code ?? ''}
                aria-describedby="method-code-hint"
              />
              <p id="method-code-hint" class="adm-hint">
                Lowercase letters, digits and hyphens (standard, express); unique in the zone.
              </p>
            </div>
            <div class="adm-field">
              <label for="method-kind">Priced</label>
              <select id="method-kind" class="adm-input" name="kind">
                <option value="flat" selected={editingMethod?.kind !== 'weight'}>
                  At a flat rate
                </option>
                <option value="weight" selected={editingMethod?.kind === 'weight'}>
                  By weight
                </option>
              </select>
            </div>
            <div class="adm-field">
              <label for="method-amount">Flat rate ({currency})</label>
              <input
                id="method-amount"
                class="adm-input"
                name="amount"
                inputMode="decimal"
                value={editingMethod?.kind === 'flat' ? formatCsvPrice(editingMethod.amount, currency) : ''}
              />
            </div>
            <div class="adm-field">
              <label for="method-bands">Weight table ({currency})</label>
              <textarea
                id="method-bands"
                class="adm-input"
                name="weightBands"
                rows={3}
                aria-describedby="method-bands-hint"
                value={editingMethod ? formatWeightBands(editingMethod.weightBands, currency) : ''}
              />
              <p id="method-bands-hint" class="adm-hint">
                One band per line, grams then price: “1000: 19.95”. Heavier parcels than the last band cannot
                use this method.
              </p>
            </div>
            <div class="adm-field">
              <label for="method-free">Free from a subtotal of ({currency}, optional)</label>
              <input
                id="method-free"
                class="adm-input"
                name="freeFrom"
                inputMode="decimal"
                value={
                  editingMethod?.freeFrom != null ? formatCsvPrice(editingMethod.freeFrom, currency) : ''
                }
              />
            </div>
            <div class="adm-field">
              <label for="method-min">Shortest transit (business days)</label>
              <input
                id="method-min"
                class="adm-input"
                name="minDays"
                required
                inputMode="numeric"
                value={String(editingMethod?.minDays ?? 3)}
              />
            </div>
            <div class="adm-field">
              <label for="method-max">Longest transit (business days)</label>
              <input
                id="method-max"
                class="adm-input"
                name="maxDays"
                required
                inputMode="numeric"
                value={String(editingMethod?.maxDays ?? 5)}
              />
            </div>
            <label class="adm-check">
              <input type="checkbox" name="active" checked={editingMethod?.active ?? true} /> Offer at
              checkout
            </label>
            <FormStatus outcome={outcomeOf(saveMethodAction.value)} />
            <button type="submit" class="adm-btn adm-btn-primary" disabled={saveMethodAction.isRunning}>
              Save method
            </button>
          </Form>
        </div>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Shipping' };
