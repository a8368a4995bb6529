/**
 * Taxes: whether prices include tax and whether shipping is taxed, and the rates per zone (a country, or one region
 * of it) and tax category. Viewing needs settings:read; every change checks settings:write again.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { getTaxSettings, listTaxRates } from '@db/repositories/tax-shipping';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { TaxRateInput, TaxSettingsInput } from '@domain/pricing/rules-input';
import { formatRate, parseRate, TAX_CATEGORIES, TAX_CATEGORY_LABELS } from '@domain/pricing/tax';
import { removeTaxRate, setTaxRate, updateTaxSettings } from '@worker/services/pricing/tax-rules';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { RowActions } from '~/components/admin/row-actions/RowActions';
import { staffWith } from '~/lib/admin-session';
import { countryName } from '~/lib/format';
import { pricingRulesContext } from '~/lib/pricing-rules-form';
import { pageStaff } from '~/lib/session';

const NOT_ALLOWED = 'Your roles do not allow changing taxes.';

function where(country: string, region: string) {
  return region ? `${countryName(country)} – ${region}` : countryName(country);
}

export const useTaxes = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const db = createDb(event.platform.env);
  const [settings, rates] = await Promise.all([getTaxSettings(db), listTaxRates(db)]);
  const params = event.url.searchParams;
  const picked = rates.find((r) => r.id === params.get('rate')) ?? null;
  const saved = params.get('saved');
  return {
    settings,
    rates,
    // After a save the form starts empty again; ?rate=<id> alone opens that rate for a change.
    editing: saved ? null : picked,
    notice:
      saved === 'rate' && picked
        ? `${picked.name} for ${where(picked.country, picked.region)}, ${TAX_CATEGORY_LABELS[picked.category].toLowerCase()}: ${formatRate(picked.ratePpm)}. Checkouts use it from now on.`
        : saved === 'settings'
          ? 'Tax settings saved. Checkouts price with them from now on.'
          : saved === 'deleted'
            ? 'Rate deleted: that zone and category are no longer taxed.'
            : undefined,
    canWrite: !!me && can(me.roles, 'settings:write'),
  };
});

export const useSaveSettings = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'settings:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const settings = TaxSettingsInput.parse({
      pricesIncludeTax: input.pricesIncludeTax === 'on',
      shippingTaxable: input.shippingTaxable === 'on',
    });
    await updateTaxSettings(pricingRulesContext(event, actor), settings);
    throw event.redirect(303, `${event.url.pathname}?saved=settings`);
  },
  zod$({ pricesIncludeTax: z.string().max(3).optional(), shippingTaxable: z.string().max(3).optional() }),
);

export const useSetRate = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'settings:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const ratePpm = parseRate(input.rate);
    if (ratePpm === null) {
      const message = 'Enter the rate as a percentage from 0 to 100, e.g. 7.25.';
      return event.fail(400, { message, fieldErrors: { rate: message } });
    }
    const parsed = TaxRateInput.safeParse({
      country: input.country,
      region: input.region ?? '',
      category: input.category,
      ratePpm,
      name: input.name,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue?.message ?? 'Check the form.';
      return event.fail(400, { message, fieldErrors: { [String(issue?.path[0] ?? 'form')]: message } });
    }
    const saved = await setTaxRate(pricingRulesContext(event, actor), parsed.data);
    if (!saved.ok) return event.fail(statusOfError(saved.error.code), { message: saved.error.detail });
    throw event.redirect(
      303,
      `${event.url.pathname}?saved=rate&rate=${encodeURIComponent(saved.value.id)}#rates-title`,
    );
  },
  zod$({
    country: z.string().max(8),
    region: z.string().max(8).optional(),
    category: z.string().max(20),
    rate: z.string().max(20),
    name: z.string().max(80),
  }),
);

export const useDeleteRate = routeAction$(
  async ({ id }, event) => {
    const actor = await staffWith(event, 'settings:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const removed = await removeTaxRate(pricingRulesContext(event, actor), id);
    if (!removed.ok) return event.fail(statusOfError(removed.error.code), { message: removed.error.detail });
    throw event.redirect(303, `${event.url.pathname}?saved=deleted`);
  },
  zod$({ id: z.string().max(60) }),
);

export default component$(() => {
  const data = useTaxes();
  const saveSettings = useSaveSettings();
  const setRate = useSetRate();
  const deleteRate = useDeleteRate();
  const { settings, rates, editing, notice, canWrite } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Taxes</h1>
          <p class="adm-lede">
            {rates.length} rates. Tax is worked out per line, after discounts, rounded half to even; a
            region’s own rate wins over its country’s.
          </p>
        </div>
      </div>
      <div class="adm-grid">
        <Form
          action={saveSettings}
          class="adm-card adm-card-pad adm-form"
          aria-labelledby="tax-settings-title"
        >
          <h2 id="tax-settings-title">How prices relate to tax</h2>
          <label class="adm-check">
            <input
              type="checkbox"
              name="pricesIncludeTax"
              checked={settings.pricesIncludeTax}
              disabled={!canWrite}
            />{' '}
            Catalogue prices include tax (VAT style: the total is what the price tags say)
          </label>
          <label class="adm-check">
            <input
              type="checkbox"
              name="shippingTaxable"
              checked={settings.shippingTaxable}
              disabled={!canWrite}
            />{' '}
            Charge tax on shipping (at the destination’s standard rate)
          </label>
          <FormStatus outcome={outcomeOf(saveSettings.value)} />
          {canWrite && (
            <button type="submit" class="adm-btn adm-btn-primary" disabled={saveSettings.isRunning}>
              Save tax settings
            </button>
          )}
        </Form>
        {canWrite && (
          <Form action={setRate} class="adm-card adm-card-pad adm-form" id="rate-form">
            <h2>{editing ? 'Change a rate' : 'Set a rate'}</h2>
            <p class="adm-hint">A zone and category that already have a rate get the new one.</p>
            <div class="adm-field">
              <label for="rate-country">Country code</label>
              <input
                id="rate-country"
                class="adm-input"
                name="country"
                required
                maxLength={2}
                autoComplete="off"
                value={editing?.country ?? ''}
                aria-describedby="rate-country-hint"
              />
              <p id="rate-country-hint" class="adm-hint">
                Two letters: US, DE, GB.
              </p>
            </div>
            <div class="adm-field">
              <label for="rate-region">Region code (optional)</label>
              <input
                id="rate-region"
                class="adm-input"
                name="region"
                maxLength={3}
                value={editing?.region ?? ''}
                aria-describedby="rate-region-hint"
              />
              <p id="rate-region-hint" class="adm-hint">
                A state or province (CA for California); empty for the whole country.
              </p>
            </div>
            <div class="adm-field">
              <label for="rate-category">Tax category</label>
              <select id="rate-category" class="adm-input" name="category">
                {TAX_CATEGORIES.map((c) => (
                  <option key={c} value={c} selected={(editing?.category ?? 'standard') === c}>
                    {TAX_CATEGORY_LABELS[c]}
                  </option>
                ))}
              </select>
            </div>
            <div class="adm-field">
              <label for="rate-rate">Rate (%)</label>
              <input
                id="rate-rate"
                class="adm-input"
                name="rate"
                required
                inputMode="decimal"
                value={editing ? String(editing.ratePpm / 10_000) : ''}
              />
            </div>
            <div class="adm-field">
              <label for="rate-name">Name on receipts</label>
              <input
                id="rate-name"
                class="adm-input"
                name="name"
                required
                maxLength={40}
                value={editing?.name ?? ''}
              />
            </div>
            <FormStatus outcome={outcomeOf(setRate.value)} />
            <button type="submit" class="adm-btn adm-btn-primary" disabled={setRate.isRunning}>
              Save rate
            </button>
          </Form>
        )}
      </div>
      <FormStatus ok={notice} outcome={outcomeOf(deleteRate.value)} />
      <section class="adm-card adm-card-flush" aria-labelledby="rates-title">
        <h2 id="rates-title" class="adm-card-head-pad">
          Rates
        </h2>
        <div class="adm-table-wrap">
          <table class="adm-table">
            <caption class="visually-hidden">Tax rates by zone and category</caption>
            <thead>
              <tr>
                <th scope="col">Zone</th>
                <th scope="col">Category</th>
                <th scope="col" class="adm-num">
                  Rate
                </th>
                <th scope="col">Name</th>
                {canWrite && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={r.id}>
                  <th scope="row" class="adm-cell-main">
                    {where(r.country, r.region)}
                  </th>
                  <td>{TAX_CATEGORY_LABELS[r.category]}</td>
                  <td class="adm-num">{formatRate(r.ratePpm)}</td>
                  <td>{r.name}</td>
                  {canWrite && (
                    <td>
                      <RowActions
                        what={`${where(r.country, r.region)} ${TAX_CATEGORY_LABELS[r.category]}`}
                        editHref={`?rate=${encodeURIComponent(r.id)}#rate-form`}
                        editLabel="Change"
                        remove={deleteRate}
                        id={r.id}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
});

export const head: DocumentHead = { title: 'Taxes' };
