/**
 * The promotion editor (new and existing promotions): every control labelled, errors tied to their field. Every field
 * is in the page, so the form works without JavaScript; CSS (`:has()`) hides those the chosen trigger and benefit
 * do not use.
 */
import { component$ } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import {
  BENEFIT_KINDS,
  type PromotionFieldErrors,
  type PromotionFieldName,
  type PromotionFormValues,
} from '~/lib/promotion-form';

interface Props {
  // biome-ignore lint/suspicious/noExplicitAny: the new and edit pages' actions differ only in their success value.
  action: ActionStore<any, any, true>;
  values: PromotionFormValues;
  currency: string;
  submitLabel: string;
  /** False for staff who may only look (promotions:read): every control is disabled. */
  canWrite: boolean;
}

interface AreaProps {
  name: PromotionFieldName;
  label: string;
  hint?: string;
  values: PromotionFormValues;
  errors: PromotionFieldErrors;
  rows?: number;
}

/** A labelled textarea for lists (codes, ids, emails), with its hint and error. */
function ListField({ name, label, hint, values, errors, rows = 2 }: AreaProps) {
  const id = `promo-${name}`;
  const error = errors[name];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="adm-field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="adm-hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        class="adm-input"
        rows={rows}
        value={values[name] ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p id={`${id}-error`} class="adm-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled single-line field for a value of the form (numbers are typed as text where decimals are allowed). */
function text(
  v: PromotionFormValues,
  e: PromotionFieldErrors,
  name: PromotionFieldName,
  label: string,
  hint?: string,
  type?: 'number',
) {
  return (
    <TextField
      id={`promo-${name}`}
      name={name}
      label={label}
      hint={hint}
      type={type}
      value={v[name]}
      error={e[name]}
    />
  );
}

function Check({
  name,
  label,
  values,
}: {
  name: PromotionFieldName;
  label: string;
  values: PromotionFormValues;
}) {
  return (
    <label class="adm-check">
      <input type="checkbox" name={name} checked={values[name] === 'on'} /> {label}
    </label>
  );
}

export const PromotionForm = component$<Props>(({ action, values, currency, submitLabel, canWrite }) => {
  // After a refused post, the posted values alone: an unchecked box is absent from them, not "as before".
  const posted = action.value?.failed && action.formData ? Object.fromEntries(action.formData) : undefined;
  const v: PromotionFormValues = (posted as PromotionFormValues | undefined) ?? values;
  const e: PromotionFieldErrors = action.value?.fieldErrors ?? {};
  return (
    <Form action={action} reloadDocument class="adm-form adm-promo">
      <FormStatus outcome={outcomeOf(action.value)} />
      <fieldset class="adm-promo-fieldset" disabled={!canWrite}>
        <section class="adm-card adm-form" aria-labelledby="promo-basics">
          <h2 id="promo-basics">Name and trigger</h2>
          <TextField
            id="promo-name"
            name="name"
            label="Name"
            hint="For staff and for the order summary, e.g. “Winter sale 10%”."
            value={v.name}
            error={e.name}
            required
            maxLength={120}
          />
          <fieldset class="adm-checks">
            <legend>How it applies</legend>
            <label class="adm-check">
              <input type="radio" name="triggerKind" value="code" checked={v.triggerKind !== 'automatic'} />{' '}
              With a code the shopper enters
            </label>
            <label class="adm-check">
              <input
                type="radio"
                name="triggerKind"
                value="automatic"
                checked={v.triggerKind === 'automatic'}
              />{' '}
              Automatically, to every cart that qualifies
            </label>
          </fieldset>
          <div data-trigger="code">
            <ListField
              name="codes"
              label="Codes"
              hint="Separate codes with commas or new lines: 3–32 letters, digits, “-” or “_”. Not case-sensitive; a code is never reused by another promotion. Single-use codes are generated on the promotion’s page once it is saved."
              values={v}
              errors={e}
            />
          </div>
        </section>

        <section class="adm-card adm-form" aria-labelledby="promo-benefit">
          <h2 id="promo-benefit">What it gives</h2>
          <div class="adm-field">
            <label for="promo-benefitKind">Benefit</label>
            <select
              id="promo-benefitKind"
              name="benefitKind"
              class="adm-input"
              aria-invalid={e.benefitKind ? 'true' : undefined}
              aria-describedby={e.benefitKind ? 'promo-benefitKind-error' : undefined}
            >
              {Object.entries(BENEFIT_KINDS).map(([kind, label]) => (
                <option key={kind} value={kind} selected={v.benefitKind === kind}>
                  {label}
                </option>
              ))}
            </select>
            {e.benefitKind && (
              <p id="promo-benefitKind-error" class="adm-field-error">
                {e.benefitKind}
              </p>
            )}
          </div>
          <div class="adm-promo-grid">
            <div data-benefit="order_percentage items_percentage buy_x_get_y">
              {text(
                v,
                e,
                'percent',
                'Percentage off (%)',
                'For example 10 or 12.5. Buy X, get Y: the discount on the free items; empty means free.',
              )}
            </div>
            <div data-benefit="order_fixed items_fixed">
              {text(
                v,
                e,
                'amount',
                `Amount off (${currency})`,
                'For example 15 or 9.99, off the order or the chosen items together.',
              )}
            </div>
            <div data-benefit="free_shipping">
              {text(
                v,
                e,
                'maxShipping',
                `Pay shipping up to (${currency}, optional)`,
                'Empty: all shipping is free.',
              )}
            </div>
          </div>
          <fieldset
            class="adm-checks adm-promo-targets"
            data-benefit="items_percentage items_fixed buy_x_get_y"
          >
            <legend>Which items (Buy X, get Y: the items to buy)</legend>
            <p class="adm-hint">
              List ids separated by commas or new lines (as on each product’s, category’s or collection’s
              page); an item counts when any of its ids is listed.
            </p>
            <div class="adm-promo-grid">
              <ListField name="productIds" label="Product ids" values={v} errors={e} />
              <ListField name="categoryIds" label="Category ids" values={v} errors={e} />
              <ListField name="collectionIds" label="Collection ids" values={v} errors={e} />
            </div>
          </fieldset>
          <fieldset class="adm-checks" data-benefit="buy_x_get_y">
            <legend>Buy X, get Y</legend>
            <div class="adm-promo-grid">
              {text(v, e, 'buyQuantity', 'Buy (items)', undefined, 'number')}
              {text(v, e, 'getQuantity', 'Get (items)', 'The cheapest eligible items.', 'number')}
              {text(
                v,
                e,
                'maxApplications',
                'Times per order (optional)',
                'Empty: as often as the cart allows.',
                'number',
              )}
            </div>
            <p class="adm-hint">Items given: leave these empty to give the same items as those bought.</p>
            <div class="adm-promo-grid">
              <ListField name="getProductIds" label="Product ids given" values={v} errors={e} />
              <ListField name="getCategoryIds" label="Category ids given" values={v} errors={e} />
              <ListField name="getCollectionIds" label="Collection ids given" values={v} errors={e} />
            </div>
          </fieldset>
        </section>

        <section class="adm-card adm-form" aria-labelledby="promo-conditions">
          <h2 id="promo-conditions">Who qualifies</h2>
          <p class="adm-hint">Every condition you fill in must hold. Leave them empty for everyone.</p>
          <div class="adm-promo-grid">
            {text(v, e, 'minSubtotal', `Minimum subtotal (${currency}, optional)`)}
            {text(v, e, 'minQuantity', 'Minimum items in the cart (optional)', undefined, 'number')}
          </div>
          <div class="adm-checks">
            <Check name="signedInOnly" label="Signed-in customers only" values={v} />
            <Check name="firstOrderOnly" label="First order only" values={v} />
          </div>
          <div class="adm-promo-grid">
            <ListField
              name="customerEmails"
              label="Only these customer emails (optional)"
              values={v}
              errors={e}
            />
            <ListField name="customerIds" label="Only these customer ids (optional)" values={v} errors={e} />
            <ListField
              name="shippingCountries"
              label="Only orders shipping to (optional)"
              hint="Country codes, e.g. US, CA, DE."
              values={v}
              errors={e}
            />
          </div>
        </section>

        <section class="adm-card adm-form" aria-labelledby="promo-schedule">
          <h2 id="promo-schedule">Schedule and limits</h2>
          <div class="adm-promo-grid">
            <TextField
              id="promo-startsAt"
              name="startsAt"
              type="datetime-local"
              label="Starts (UTC, optional)"
              hint="Empty: at once."
              value={v.startsAt}
              error={e.startsAt}
            />
            <TextField
              id="promo-endsAt"
              name="endsAt"
              type="datetime-local"
              label="Ends (UTC, optional)"
              hint="Not valid from this moment on; empty: never."
              value={v.endsAt}
              error={e.endsAt}
            />
            {text(v, e, 'usageLimit', 'Total uses (optional)', 'Empty: unlimited.', 'number')}
            {text(v, e, 'perCustomerLimit', 'Uses per customer (optional)', 'Empty: unlimited.', 'number')}
            {text(
              v,
              e,
              'priority',
              'Priority',
              'From −1000 to 1000. Stackable promotions apply highest first.',
              'number',
            )}
          </div>
          <div class="adm-checks">
            <Check name="stackable" label="Combines with other stackable promotions" values={v} />
            <Check name="active" label="Active" values={v} />
          </div>
        </section>
      </fieldset>
      {canWrite && (
        <div class="adm-actions">
          <button type="submit" class="adm-btn adm-btn-primary" disabled={action.isRunning}>
            {submitLabel}
          </button>
        </div>
      )}
    </Form>
  );
});
