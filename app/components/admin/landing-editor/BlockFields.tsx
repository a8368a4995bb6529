/** One block in the landing-page editor: its fields by type, and buttons to move or remove it (named by position). */
import { component$ } from '@builder.io/qwik';
import { BLOCK_TYPES, MAX_FAQ_ITEMS, MAX_GRID_PRODUCTS } from '@domain/content/landing-page';
import { type BlockFormValues, blockField, faqField } from '~/lib/landing-form';
import { Field } from './Field';

export interface Choices {
  collections: { value: string; label: string }[];
  categories: { value: string; label: string }[];
}

const IMAGE_HINT = 'An image on this shop: pick one from the media library or paste its address (/media/…).';
const LINK_HINT = 'A path in the shop (/collections/…) or an https:// address.';

interface Props {
  index: number;
  count: number;
  block: BlockFormValues;
  errors: Record<string, string>;
  choices: Choices;
  mediaList?: string;
}

export const BlockFields = component$<Props>(({ index: i, count, block, errors, choices, mediaList }) => {
  const label = BLOCK_TYPES.find((t) => t.type === block.type)?.label ?? block.type;
  function f(name: string) {
    return { name: blockField(i, name), value: block.fields[name] ?? '', error: errors[blockField(i, name)] };
  }
  const legendId = `lp-block-${i}-legend`;
  return (
    <fieldset class="lp-block adm-stack" aria-labelledby={legendId}>
      <legend id={legendId} class="lp-block-legend">
        <span class="adm-badge adm-badge-muted">{i + 1}</span> {label}
      </legend>
      <input type="hidden" name={blockField(i, 'type')} value={block.type} />
      {(block.type === 'hero' || block.type === 'banner' || block.type === 'cta') && (
        <Field {...f('heading')} label="Heading" maxLength={160} />
      )}
      {(block.type === 'image-text' || block.type === 'product-grid' || block.type === 'faq') && (
        <Field {...f('heading')} label="Heading (optional)" maxLength={160} />
      )}
      {(block.type === 'hero' || block.type === 'banner' || block.type === 'cta') && (
        <Field {...f('text')} label="Text (optional)" kind="textarea" rows={2} maxLength={400} />
      )}
      {(block.type === 'rich-text' || block.type === 'image-text') && (
        <Field
          {...f('markdown')}
          label="Text"
          kind="textarea"
          rows={block.type === 'rich-text' ? 8 : 5}
          hint="Markdown: **bold**, _italic_, [links](/path), lists. HTML is removed."
        />
      )}
      {(block.type === 'hero' || block.type === 'image-text') && (
        <div class="lp-row">
          <Field
            {...f('imageUrl')}
            label={block.type === 'hero' ? 'Image (optional)' : 'Image'}
            hint={IMAGE_HINT}
            list={mediaList}
            maxLength={500}
          />
          <Field {...f('imageAlt')} label="Image description (alt text)" maxLength={300} />
        </div>
      )}
      {block.type === 'image-text' && (
        <Field
          {...f('imageSide')}
          label="Image side"
          kind="select"
          options={[
            { value: 'left', label: 'Image on the left' },
            { value: 'right', label: 'Image on the right' },
          ]}
        />
      )}
      {block.type === 'banner' && (
        <Field
          {...f('tone')}
          label="Colour"
          kind="select"
          options={[
            { value: 'accent', label: 'Warm (accent)' },
            { value: 'dark', label: 'Dark' },
            { value: 'light', label: 'Light' },
          ]}
        />
      )}
      {(block.type === 'hero' || block.type === 'banner' || block.type === 'cta') && (
        <div class="lp-row">
          <Field
            {...f('actionLabel')}
            label={block.type === 'cta' ? 'Button label' : 'Button label (optional)'}
            maxLength={60}
          />
          <Field {...f('actionHref')} label="Button link" hint={LINK_HINT} maxLength={500} />
        </div>
      )}
      {block.type === 'product-grid' && (
        <>
          <Field
            {...f('source')}
            label="Show products from"
            kind="select"
            options={[
              { value: 'collection', label: 'A collection' },
              { value: 'category', label: 'A category' },
              { value: 'products', label: 'Products I list' },
            ]}
          />
          <div class="lp-row">
            <Field
              {...f('collectionId')}
              label="Collection"
              kind="select"
              options={[{ value: '', label: 'Choose a collection' }, ...choices.collections]}
            />
            <Field
              {...f('categoryId')}
              label="Category"
              kind="select"
              options={[{ value: '', label: 'Choose a category' }, ...choices.categories]}
            />
          </div>
          <Field
            {...f('products')}
            label="Products (when listing them)"
            kind="textarea"
            rows={3}
            hint="One per line: a product's id, address (slug) or a SKU. Shown in this order."
          />
          <Field
            {...f('limit')}
            label={`How many to show (1–${MAX_GRID_PRODUCTS})`}
            kind="number"
            error={errors[blockField(i, 'limit')] && `Enter a whole number from 1 to ${MAX_GRID_PRODUCTS}.`}
          />
        </>
      )}
      {block.type === 'faq' && (
        <div class="adm-stack">
          {errors[blockField(i, 'items')] && <p class="adm-field-error">{errors[blockField(i, 'items')]}</p>}
          {[...block.items, { question: '', answer: '' }].slice(0, MAX_FAQ_ITEMS).map((item, j) => (
            <div key={j} class="lp-row">
              <Field
                name={faqField(i, j, 'q')}
                label={`Question ${j + 1}`}
                value={item.question}
                error={errors[faqField(i, j, 'q')]}
                maxLength={300}
              />
              <Field
                name={faqField(i, j, 'a')}
                label={`Answer ${j + 1}`}
                kind="textarea"
                rows={2}
                value={item.answer}
                error={errors[faqField(i, j, 'a')]}
                maxLength={2000}
              />
            </div>
          ))}
          <p class="adm-hint">
            Leave a question and its answer empty to drop them; save to get another empty pair.
          </p>
        </div>
      )}
      <div class="lp-block-actions">
        <button
          type="submit"
          name="op"
          value={`up:${i}`}
          class="adm-btn adm-btn-secondary"
          disabled={i === 0}
        >
          Move up
          <span class="visually-hidden">
            : block {i + 1}, {label}
          </span>
        </button>
        <button
          type="submit"
          name="op"
          value={`down:${i}`}
          class="adm-btn adm-btn-secondary"
          disabled={i === count - 1}
        >
          Move down
          <span class="visually-hidden">
            : block {i + 1}, {label}
          </span>
        </button>
        <button type="submit" name="op" value={`remove:${i}`} class="adm-btn adm-btn-danger">
          Remove
          <span class="visually-hidden">
            : block {i + 1}, {label}
          </span>
        </button>
      </div>
    </fieldset>
  );
});
