/** A labelled form field: visible label, optional hint, and its error tied to the control for screen readers. */
import { component$ } from '@builder.io/qwik';

interface Props {
  /** The control's id; the hint and error ids derive from it. */
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel';
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
}

/** The ids a control's `aria-describedby` lists: its hint, then its error. */
function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * Required fields carry a visible mark (hidden from screen readers, which hear `required` instead). The error stays
 * in the DOM only while there is one, with `aria-invalid` on the control.
 */
export const FormField = component$<Props>((p) => (
  <div class={['field', p.error && 'field-invalid']}>
    <label for={p.id}>
      {p.label}
      {p.required && (
        <span class="field-required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </label>
    <input
      id={p.id}
      class="input"
      name={p.name}
      type={p.type ?? 'text'}
      value={p.value ?? ''}
      required={p.required}
      autoComplete={p.autoComplete}
      maxLength={p.maxLength}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(p.id, p.hint, p.error)}
    />
    {p.hint && (
      <p class="field-hint" id={`${p.id}-hint`}>
        {p.hint}
      </p>
    )}
    {p.error && (
      <p class="field-error" id={`${p.id}-error`}>
        {p.error}
      </p>
    )}
  </div>
));
