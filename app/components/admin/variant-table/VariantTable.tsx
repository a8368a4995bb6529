/** The editor's variant table: one row per option combination, each with its SKU, prices, barcode and weight. */
import type { FieldErrors, VariantRow } from '~/lib/product-form';

interface Props {
  variants: VariantRow[];
  errors: FieldErrors;
  currency: string;
}

function Cell(p: {
  i: number;
  field: 'sku' | 'price' | 'compareAt' | 'barcode' | 'weight';
  label: string;
  value: string;
  error: string | undefined;
  numeric?: boolean;
}) {
  const id = `pf-var-${p.i}-${p.field}`;
  return (
    <td>
      <label class="visually-hidden" for={id}>
        {p.label}
      </label>
      <input
        id={id}
        name={`variant_${p.i}_${p.field}`}
        class="adm-input"
        value={p.value}
        inputMode={p.numeric ? 'decimal' : undefined}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${id}-error` : undefined}
      />
      {p.error && (
        <p id={`${id}-error`} class="adm-field-error">
          {p.error}
        </p>
      )}
    </td>
  );
}

/** A plain function, not a component$: it re-renders whenever the editor does (a generated table included). */
export function VariantTable({ variants, errors: e, currency }: Props) {
  return (
    <section class="adm-card adm-card-flush">
      <input type="hidden" name="variantCount" value={String(variants.length)} />
      {e.variants && <p class="adm-field-error adm-card-pad-x">{e.variants}</p>}
      {variants.length === 0 ? (
        <div class="adm-card-pad">
          <h2>Variants</h2>
          <p class="adm-muted">
            No variants yet. Fill in the options (or leave them empty for a single variant) and press
            "Generate variants".
          </p>
        </div>
      ) : (
        <div class="adm-table-wrap">
          <table class="adm-table adm-variant-table">
            <caption>Variants (prices in {currency})</caption>
            <thead>
              <tr>
                <th scope="col">Variant</th>
                <th scope="col">SKU</th>
                <th scope="col">Price</th>
                <th scope="col">Compare at</th>
                <th scope="col">Barcode</th>
                <th scope="col">Weight (g)</th>
              </tr>
            </thead>
            <tbody>
              {variants.map((v, i) => {
                const label = Object.values(v.options).join(' / ') || 'Default';
                return (
                  <tr key={`${i}-${label}`}>
                    <th scope="row" class="adm-cell-main">
                      {label}
                      <input type="hidden" name={`variant_${i}_id`} value={v.id} />
                      <input type="hidden" name={`variant_${i}_options`} value={JSON.stringify(v.options)} />
                    </th>
                    <Cell
                      i={i}
                      field="sku"
                      label={`SKU of ${label}`}
                      value={v.sku}
                      error={e[`variant_${i}_sku`]}
                    />
                    <Cell
                      i={i}
                      field="price"
                      label={`Price of ${label}`}
                      value={v.price}
                      error={e[`variant_${i}_price`]}
                      numeric
                    />
                    <Cell
                      i={i}
                      field="compareAt"
                      label={`Compare-at price of ${label}`}
                      value={v.compareAt}
                      error={e[`variant_${i}_compareAt`]}
                      numeric
                    />
                    <Cell
                      i={i}
                      field="barcode"
                      label={`Barcode of ${label}`}
                      value={v.barcode}
                      error={e[`variant_${i}_barcode`]}
                    />
                    <Cell
                      i={i}
                      field="weight"
                      label={`Weight in grams of ${label}`}
                      value={v.weight}
                      error={e[`variant_${i}_weight`]}
                      numeric
                    />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
