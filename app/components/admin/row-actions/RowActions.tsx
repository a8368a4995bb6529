/**
 * A table row's "Edit" link and "Delete" button, both named with what they act on for screen readers ("Edit
 * Express shipping in Europe"), the delete posting the row's id to the page's action.
 */
import { component$ } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';

interface Props {
  /** What the row is, appended (visually hidden) to both controls' names. */
  what: string;
  editHref: string;
  editLabel?: string;
  deleteLabel?: string;
  // biome-ignore lint/suspicious/noExplicitAny: any action that takes `{ id }` and answers with a form outcome
  remove: ActionStore<any, { id: string }, false>;
  id: string;
}

export const RowActions = component$<Props>(
  ({ what, editHref, editLabel = 'Edit', deleteLabel = 'Delete', remove, id }) => (
    <div class="adm-row-actions">
      <a class="adm-btn adm-btn-secondary adm-btn-sm" href={editHref}>
        {editLabel}
        <span class="visually-hidden"> {what}</span>
      </a>
      <Form action={remove}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" class="adm-btn adm-btn-danger-ghost adm-btn-sm">
          {deleteLabel}
          <span class="visually-hidden"> {what}</span>
        </button>
      </Form>
    </div>
  ),
);
