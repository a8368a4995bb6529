/**
 * The landing-page editor: page settings, SEO and the blocks in order, in one plain form posted as a document, so it
 * works without JavaScript. The first button in the form is "Save draft", so Enter in a field saves rather than
 * moving a block.
 */
import { component$, useStyles$ } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import { BLOCK_TYPES, MAX_BLOCKS } from '@domain/content/landing-page';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import type { LandingActionResult } from '~/lib/admin-landing';
import type { LandingFormValues } from '~/lib/landing-form';
import { BlockFields, type Choices } from './BlockFields';
import { Field } from './Field';
import styles from './landing-editor.css?inline';

interface Props {
  // biome-ignore lint/suspicious/noExplicitAny: Qwik's ActionStore is invariant in its input type; the form posts text.
  action: ActionStore<LandingActionResult, any, true>;
  values: LandingFormValues;
  choices: Choices;
  disabled?: boolean;
  mediaList?: string;
}

export const LandingEditor = component$<Props>(({ action, values: saved, choices, disabled, mediaList }) => {
  useStyles$(styles);
  const values = action.value?.values ?? saved;
  const errors = (action.value?.fieldErrors ?? {}) as Record<string, string>;
  function page(name: keyof LandingFormValues) {
    return { name, value: values[name] as string, error: errors[name] };
  }
  return (
    <Form
      action={action}
      reloadDocument
      class="adm-card adm-card-pad adm-form lp-editor"
      aria-labelledby="lp-editor-title"
    >
      <div class="lp-editor-bar">
        <h2 id="lp-editor-title">Draft</h2>
        <button type="submit" name="op" value="save" class="adm-btn adm-btn-primary" disabled={disabled}>
          Save draft
        </button>
      </div>
      <FormStatus outcome={outcomeOf(action.value)} />
      <fieldset class="adm-stack lp-plain" disabled={disabled}>
        <input type="hidden" name="version" value={values.version} />
        <input type="hidden" name="blockCount" value={String(values.blocks.length)} />
        <div class="lp-row">
          <Field {...page('title')} label="Title" maxLength={160} />
          <Field
            {...page('slug')}
            label="Address"
            hint="The page lives at /pages/your-address. Changing it leaves a permanent redirect from the old one."
            maxLength={80}
          />
        </div>
        <details
          class="lp-seo"
          open={Boolean(errors.seoTitle || errors.seoDescription || errors.ogImageUrl || errors.canonicalUrl)}
        >
          <summary>Search engines and sharing</summary>
          <div class="adm-stack">
            <Field
              {...page('seoTitle')}
              label="SEO title (optional)"
              hint="Defaults to the title."
              maxLength={120}
            />
            <Field
              {...page('seoDescription')}
              label="Meta description (optional)"
              kind="textarea"
              rows={2}
              maxLength={320}
            />
            <Field
              {...page('ogImageUrl')}
              label="Sharing image (optional)"
              hint="Shown when the page is shared on social networks: an image on this shop."
              list={mediaList}
              maxLength={500}
            />
            <Field
              {...page('canonicalUrl')}
              label="Canonical address (optional)"
              hint="Only when this content's main home is elsewhere; defaults to the page's own address."
              maxLength={500}
            />
          </div>
        </details>
        <h3 class="lp-blocks-title">Blocks</h3>
        {values.blocks.length === 0 && <p class="adm-hint">No blocks yet: add the first one below.</p>}
        {values.blocks.map((b, i) => (
          <BlockFields
            key={`${i}-${b.type}`}
            index={i}
            count={values.blocks.length}
            block={b}
            errors={errors}
            choices={choices}
            mediaList={mediaList}
          />
        ))}
        <div class="lp-add">
          <div class="adm-field">
            <label for="lp-add-type">New block</label>
            <select id="lp-add-type" name="addType" class="adm-input">
              {BLOCK_TYPES.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            name="op"
            value="add"
            class="adm-btn adm-btn-secondary"
            disabled={values.blocks.length >= MAX_BLOCKS}
          >
            Add block
          </button>
        </div>
        <div class="lp-editor-foot">
          <button type="submit" name="op" value="save" class="adm-btn adm-btn-primary">
            Save draft
          </button>
          <p class="adm-hint">Saving keeps a revision. Shoppers see nothing until you publish.</p>
        </div>
      </fieldset>
    </Form>
  );
});
