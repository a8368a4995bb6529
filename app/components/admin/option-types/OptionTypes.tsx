/** Up to three option types (Size: S, M, L) and the button that rebuilds the variant table from them. */
import { TextField } from '~/components/admin/text-field/TextField';
import type { FieldErrors, ProductDraft } from '~/lib/product-form';

/** A plain function, not a component$: it re-renders whenever the editor does. */
export function OptionTypes({ draft, errors: e }: { draft: ProductDraft; errors: FieldErrors }) {
  return (
    <section class="adm-card adm-card-pad adm-form">
      <h2>Options</h2>
      <p class="adm-hint">
        Up to three option types, each with its values separated by commas. "Generate variants" makes one
        variant per combination and keeps the SKUs and prices already entered.
      </p>
      {e.options && <p class="adm-field-error">{e.options}</p>}
      {draft.options.map((o, i) => (
        <div key={i} class="adm-grid">
          <TextField
            id={`pf-opt-${i}-name`}
            name={`option_${i}_name`}
            label={`Option ${i + 1} name`}
            value={o.name}
            error={e[`option_${i}_name`]}
            maxLength={40}
          />
          <TextField
            id={`pf-opt-${i}-values`}
            name={`option_${i}_values`}
            label={`Option ${i + 1} values`}
            hint="Separated by commas."
            value={o.values}
            error={e[`option_${i}_values`]}
          />
        </div>
      ))}
      <div>
        <button type="submit" name="intent" value="generate" class="adm-btn adm-btn-secondary" formNoValidate>
          Generate variants
        </button>
      </div>
    </section>
  );
}
