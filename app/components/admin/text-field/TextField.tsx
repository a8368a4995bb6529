/** A labelled text input with an optional hint and an error tied to it (aria-invalid, aria-describedby). */
import { component$ } from '@builder.io/qwik';

interface Props {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'datetime-local' | 'number';
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  list?: string;
  /** For date-times: 1 accepts seconds (the browser's default step is a minute). */
  step?: number;
}

export const TextField = component$<Props>((p) => {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="adm-field">
      <label for={p.id}>{p.label}</label>
      {p.hint && (
        <p id={hintId} class="adm-hint">
          {p.hint}
        </p>
      )}
      <input
        id={p.id}
        name={p.name}
        type={p.type ?? 'text'}
        class="adm-input"
        value={p.value ?? ''}
        autoComplete={p.autoComplete}
        required={p.required}
        maxLength={p.maxLength}
        step={p.step}
        // Qwik's <input> typings lack `list` (the datalist of suggestions); the attribute is standard HTML.
        {...(p.list ? { list: p.list } : {})}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {p.error && (
        <p id={errorId} class="adm-field-error">
          {p.error}
        </p>
      )}
    </div>
  );
});
