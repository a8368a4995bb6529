/** The sale editor's fields (new and existing sales): every control labelled, errors tied to their field. */
import { component$, Slot } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import type { SaleFormValues } from '~/lib/sale-form';

interface Props {
  // biome-ignore lint/suspicious/noExplicitAny: the new and edit pages' actions differ only in their success value.
  action: ActionStore<any, any, true>;
  values: SaleFormValues;
  categories: { id: string; name: string }[];
  submitLabel: string;
}

/**
 * Posted as a document (`reloadDocument`), with or without JavaScript: the server renders the answer with the posted
 * values and each field's error in place.
 */
export const SaleForm = component$<Props>(({ action, values, categories, submitLabel }) => {
  const posted = action.value?.failed ? action.formData : undefined;
  const v: SaleFormValues = posted
    ? {
        ...(Object.fromEntries(posted) as Record<string, string>),
        categoryIds: posted.getAll('categoryIds[]').map(String),
      }
    : values;
  const e = (action.value?.fieldErrors ?? {}) as Partial<Record<keyof SaleFormValues, string>>;
  const chosen = new Set(v.categoryIds ?? []);
  return (
    <Form action={action} reloadDocument class="adm-card adm-card-pad adm-form">
      <TextField
        id="sale-name"
        name="name"
        label="Name"
        value={v.name}
        error={e.name}
        required
        maxLength={120}
      />
      <TextField
        id="sale-percent"
        name="percent"
        label="Percentage off"
        hint="Taken off every variant of the products below, such as 25 or 12.5."
        value={v.percent}
        error={e.percent}
        required
      />
      <fieldset
        class="adm-checks"
        aria-describedby={e.categoryIds ? 'sale-categories-error' : 'sale-categories-hint'}
      >
        <legend>Categories</legend>
        <p id="sale-categories-hint" class="adm-hint">
          Every product in a chosen category or its subcategories is on sale.
        </p>
        {categories.map((c) => (
          <label key={c.id} class="adm-check">
            <input type="checkbox" name="categoryIds[]" value={c.id} checked={chosen.has(c.id)} /> {c.name}
          </label>
        ))}
        {e.categoryIds && (
          <p id="sale-categories-error" class="adm-field-error">
            {e.categoryIds}
          </p>
        )}
      </fieldset>
      <div class="adm-field">
        <label for="sale-products">Products (ids, one per line)</label>
        <p id="sale-products-hint" class="adm-hint">
          Product ids (prod_…), the last part of a product's admin address; leave empty to put only whole
          categories on sale.
        </p>
        <textarea
          id="sale-products"
          name="productIds"
          class="adm-input"
          rows={4}
          aria-invalid={e.productIds ? 'true' : undefined}
          aria-describedby={e.productIds ? 'sale-products-hint sale-products-error' : 'sale-products-hint'}
          value={v.productIds ?? ''}
        />
        {e.productIds && (
          <p id="sale-products-error" class="adm-field-error">
            {e.productIds}
          </p>
        )}
      </div>
      <TextField
        id="sale-starts"
        name="startsAt"
        type="datetime-local"
        label="Starts (UTC)"
        value={v.startsAt}
        error={e.startsAt}
        required
      />
      <TextField
        id="sale-ends"
        name="endsAt"
        type="datetime-local"
        label="Ends (UTC)"
        hint="Prices go back at this moment."
        value={v.endsAt}
        error={e.endsAt}
        required
      />
      <label class="adm-check">
        <input type="checkbox" name="active" checked={v.active === 'on'} /> Active
      </label>
      <FormStatus outcome={outcomeOf(action.value)} />
      <div class="adm-actions">
        <button type="submit" class="adm-btn adm-btn-primary" disabled={action.isRunning}>
          {submitLabel}
        </button>
        <Slot />
      </div>
    </Form>
  );
});
