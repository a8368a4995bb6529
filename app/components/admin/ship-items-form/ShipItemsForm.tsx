/**
 * Staff ship some or all of what is left of an order: units per line (the parcel may hold part of a line), the
 * carrier and the tracking number. A hidden key makes a form submitted twice (double click, resend after a dropped
 * response) one shipment. Works without JavaScript; errors come back beside the form.
 */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { CARRIER_INFO, CARRIERS } from '@domain/orders/shipments';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import type { useShipItems } from '~/routes/admin/(console)/orders/[id]/index';

interface Props {
  action: ReturnType<typeof useShipItems>;
  lines: { id: string; productName: string; variantLabel: string; sku: string; remaining: number }[];
  /** A fresh idempotency key for this rendering of the form. */
  formKey: string;
}

export const ShipItemsForm = component$<Props>(({ action, lines, formKey }) => {
  // Keep what was typed only when the shipment was refused; after a success the page reloads with a fresh key and
  // the quantities left (re-sending the old key would answer with the parcel just made).
  const posted = action.value?.failed ? action.formData : undefined;
  const outcome = outcomeOf(action.value);
  const errors = outcome.fieldErrors ?? {};
  const open = lines.filter((l) => l.remaining > 0);
  function qty(id: string, remaining: number): string {
    return posted ? String(posted.get(`qty.${id}`) ?? '') : String(remaining);
  }
  return (
    <Form action={action} class="adm-card adm-form adm-ship-form" id="ship-form" noValidate>
      <h2>Ship items</h2>
      <p class="adm-hint">
        Enter how many units go in this parcel; leave 0 for items that ship later. The customer is emailed the
        tracking link.
      </p>
      <input type="hidden" name="key" value={posted ? String(posted.get('key') ?? formKey) : formKey} />
      <table class="adm-table adm-ship-lines">
        <caption class="visually-hidden">Units to ship per item</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" class="adm-num">
              Left to ship
            </th>
            <th scope="col" class="adm-num">
              In this parcel
            </th>
          </tr>
        </thead>
        <tbody>
          {open.map((l) => (
            <tr key={l.id}>
              <th scope="row" class="adm-cell-main">
                <label for={`ship-qty-${l.id}`}>
                  {l.productName}
                  {l.variantLabel && <span class="adm-muted"> · {l.variantLabel}</span>}
                </label>
                <span class="adm-muted adm-ship-sku"> {l.sku}</span>
              </th>
              <td class="adm-num">{l.remaining}</td>
              <td class="adm-num">
                <input
                  id={`ship-qty-${l.id}`}
                  class="adm-input adm-ship-qty"
                  name={`qty.${l.id}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={l.remaining}
                  step={1}
                  value={qty(l.id, l.remaining)}
                  aria-invalid={errors.lines ? 'true' : undefined}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.lines && <p class="adm-field-error">{errors.lines}</p>}
      <div class="adm-ship-fields">
        <div class="adm-field">
          <label for="ship-carrier">Carrier</label>
          <select id="ship-carrier" class="adm-input" name="carrier">
            {CARRIERS.map((c) => (
              <option key={c} value={c} selected={posted ? posted.get('carrier') === c : c === 'ups'}>
                {CARRIER_INFO[c].label}
              </option>
            ))}
          </select>
        </div>
        <div class="adm-field adm-field-grow">
          <label for="ship-tracking">Tracking number</label>
          <input
            id="ship-tracking"
            class="adm-input"
            name="trackingNumber"
            maxLength={40}
            autoComplete="off"
            value={posted ? String(posted.get('trackingNumber') ?? '') : ''}
            aria-invalid={errors.trackingNumber ? 'true' : undefined}
            aria-describedby={errors.trackingNumber ? 'ship-tracking-error' : 'ship-tracking-hint'}
          />
          {errors.trackingNumber ? (
            <p class="adm-field-error" id="ship-tracking-error">
              {errors.trackingNumber}
            </p>
          ) : (
            <p class="adm-hint" id="ship-tracking-hint">
              Optional only for “Other” carriers.
            </p>
          )}
        </div>
      </div>
      <FormStatus outcome={outcome} />
      <button type="submit" class="adm-btn adm-btn-primary" disabled={action.isRunning}>
        Ship these items
      </button>
    </Form>
  );
});
