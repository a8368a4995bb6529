/** One labelled control of the landing-page editor (text, long text, number or choice), its hint and error tied to it. */
import { component$ } from '@builder.io/qwik';

export interface FieldProps {
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  kind?: 'text' | 'textarea' | 'number' | 'select';
  options?: readonly { value: string; label: string }[];
  rows?: number;
  maxLength?: number;
  /** A <datalist> id offering suggestions (e.g. the media library's images). */
  list?: string;
}

export const Field = component$<FieldProps>((p) => {
  const id = `lp-${p.name}`;
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = p.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    class: 'adm-input',
    'aria-invalid': p.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class="adm-field">
      <label for={id}>{p.label}</label>
      {p.hint && (
        <p id={hintId} class="adm-hint">
          {p.hint}
        </p>
      )}
      {p.kind === 'textarea' ? (
        <textarea {...common} rows={p.rows ?? 4} value={p.value} maxLength={p.maxLength} />
      ) : p.kind === 'select' ? (
        <select {...common}>
          {(p.options ?? []).map((o) => (
            <option key={o.value} value={o.value} selected={o.value === p.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={p.kind === 'number' ? 'number' : 'text'}
          value={p.value}
          maxLength={p.maxLength}
          {...(p.list ? { list: p.list } : {})}
        />
      )}
      {p.error && (
        <p id={errorId} class="adm-field-error">
          {p.error}
        </p>
      )}
    </div>
  );
});
