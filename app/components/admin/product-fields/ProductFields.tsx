/** The product editor's details: name, slug, description, status, category, collections, tags, brand, SEO, attributes. */

import { PRODUCT_STATUSES } from '@domain/catalog/statuses';
import { TAX_CATEGORIES, TAX_CATEGORY_LABELS } from '@domain/pricing/tax';
import { TextField } from '~/components/admin/text-field/TextField';
import { STATUS_LABELS } from '~/lib/admin-catalog';
import type { FieldErrors, ProductDraft } from '~/lib/product-form';

interface Props {
  draft: ProductDraft;
  errors: FieldErrors;
  categories: { id: string; name: string }[];
  collections: { id: string; name: string }[];
}

function described(id: string, error: string | undefined) {
  return error ? `${id}-error` : undefined;
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} class="adm-field-error">
      {error}
    </p>
  ) : null;
}

/** A plain function, not a component$: it re-renders whenever the editor does. */
export function ProductFields({ draft: d, errors: e, categories, collections }: Props) {
  return (
    <>
      <section class="adm-card adm-card-pad adm-form">
        <h2>Details</h2>
        <TextField
          id="pf-name"
          name="name"
          label="Name"
          value={d.name}
          error={e.name}
          required
          maxLength={200}
        />
        <TextField
          id="pf-slug"
          name="slug"
          label="Slug"
          hint="The address in the shop: /p/<slug>. Lowercase letters, digits and hyphens."
          value={d.slug}
          error={e.slug}
          required
        />
        <div class="adm-field">
          <label for="pf-description">Description (Markdown)</label>
          <textarea
            id="pf-description"
            name="description"
            class="adm-input"
            rows={8}
            maxLength={20000}
            aria-invalid={e.description ? 'true' : undefined}
            aria-describedby={described('pf-description', e.description)}
            value={d.description}
          />
          <FieldError id="pf-description" error={e.description} />
        </div>
        <div class="adm-grid">
          <div class="adm-field">
            <label for="pf-status">Status</label>
            <select id="pf-status" name="status" class="adm-input">
              {PRODUCT_STATUSES.map((s) => (
                <option key={s} value={s} selected={d.status === s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <FieldError id="pf-status" error={e.status} />
          </div>
          <div class="adm-field">
            <label for="pf-category">Category</label>
            <select
              id="pf-category"
              name="categoryId"
              class="adm-input"
              aria-invalid={e.categoryId ? 'true' : undefined}
              aria-describedby={described('pf-category', e.categoryId)}
            >
              <option value="">Choose a category</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id} selected={d.categoryId === c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldError id="pf-category" error={e.categoryId} />
          </div>
          <div class="adm-field">
            <label for="pf-tax">Tax category</label>
            <select
              id="pf-tax"
              name="taxCategory"
              class="adm-input"
              aria-describedby={e.taxCategory ? 'pf-tax-hint pf-tax-error' : 'pf-tax-hint'}
            >
              {TAX_CATEGORIES.map((c) => (
                <option key={c} value={c} selected={d.taxCategory === c}>
                  {TAX_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
            <p id="pf-tax-hint" class="adm-hint">
              Reduced for books or food where the law says so; the rates are under Taxes.
            </p>
            <FieldError id="pf-tax" error={e.taxCategory} />
          </div>
          <TextField
            id="pf-brand"
            name="brand"
            label="Brand"
            value={d.brand}
            error={e.brand}
            maxLength={80}
          />
          <TextField
            id="pf-tags"
            name="tags"
            label="Tags"
            hint="Separated by commas."
            value={d.tags}
            error={e.tags}
          />
        </div>
        {collections.length > 0 && (
          <fieldset class="adm-checks">
            <legend>Collections</legend>
            {collections.map((c) => (
              <label key={c.id} class="adm-check">
                <input
                  type="checkbox"
                  name="collectionIds[]"
                  value={c.id}
                  checked={d.collectionIds.includes(c.id)}
                />
                {c.name}
              </label>
            ))}
            <FieldError id="pf-collections" error={e.collectionIds} />
          </fieldset>
        )}
      </section>

      <section class="adm-card adm-card-pad adm-form">
        <h2>Search engines</h2>
        <TextField
          id="pf-seo-title"
          name="seoTitle"
          label="SEO title"
          hint="Leave empty to use the name."
          value={d.seoTitle}
          error={e.seoTitle}
          maxLength={120}
        />
        <TextField
          id="pf-seo-description"
          name="seoDescription"
          label="SEO description"
          value={d.seoDescription}
          error={e.seoDescription}
          maxLength={320}
        />
      </section>

      <section class="adm-card adm-card-pad adm-form">
        <h2>Attributes</h2>
        <p class="adm-hint">
          Facts shown in the product's specification table, like Material: Wool. Empty rows are ignored.
        </p>
        <input type="hidden" name="attributeCount" value={String(d.attributes.length)} />
        {d.attributes.map((a, i) => (
          <div key={i} class="adm-grid">
            <TextField
              id={`pf-attr-${i}-name`}
              name={`attribute_${i}_name`}
              label={`Attribute ${i + 1} name`}
              value={a.name}
              error={e[`attribute_${i}_name`]}
              maxLength={60}
            />
            <TextField
              id={`pf-attr-${i}-value`}
              name={`attribute_${i}_value`}
              label={`Attribute ${i + 1} value`}
              value={a.value}
              error={e[`attribute_${i}_value`]}
              maxLength={200}
            />
          </div>
        ))}
      </section>
    </>
  );
}
