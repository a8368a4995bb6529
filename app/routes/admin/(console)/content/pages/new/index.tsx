/** A new landing page: a title and an address; creating it (content:write, checked again) opens its editor. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$ } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import { createPageAction, type LandingActionResult } from '~/lib/admin-landing';

export const useCreatePage = routeAction$(
  (data, event): Promise<LandingActionResult> => createPageAction(data as Record<string, unknown>, event),
);

export default component$(() => {
  const create = useCreatePage();
  return (
    <>
      <div class="adm-head">
        <h1>New landing page</h1>
        <a class="adm-btn adm-btn-secondary" href="/admin/content/pages">
          All pages
        </a>
      </div>
      <Form action={create} reloadDocument class="adm-card adm-card-pad adm-form adm-card-narrow">
        <FormStatus outcome={outcomeOf(create.value)} />
        <TextField
          id="page-title"
          name="title"
          label="Title"
          value={create.value?.values?.title}
          error={create.value?.fieldErrors?.title}
          maxLength={160}
          required
        />
        <TextField
          id="page-slug"
          name="slug"
          label="Address (optional)"
          hint="The page will live at /pages/your-address. Made from the title when left empty."
          value={create.value?.values?.slug}
          error={create.value?.fieldErrors?.slug}
          maxLength={80}
        />
        <button type="submit" class="adm-btn adm-btn-primary">
          Create page
        </button>
      </Form>
    </>
  );
});

export const head: DocumentHead = { title: 'New landing page' };
