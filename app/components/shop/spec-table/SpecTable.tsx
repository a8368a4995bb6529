/** The product's specification attributes as a two-column table (Material: Organic cotton). */
import { component$ } from '@builder.io/qwik';
import type { ProductAttribute } from '@db/repositories/catalog';

/** A titled table; each row's name is its header cell, so screen readers read "Material, Organic cotton". */
export const SpecTable = component$<{ attributes: ProductAttribute[] }>(({ attributes }) => (
  <section class="product-section" aria-labelledby="spec-title">
    <h2 id="spec-title">Specifications</h2>
    <table class="spec-table">
      <tbody>
        {attributes.map((a) => (
          <tr key={a.name}>
            <th scope="row">{a.name}</th>
            <td>{a.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
));
