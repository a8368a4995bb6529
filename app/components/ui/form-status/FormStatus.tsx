/** A form's outcome: a polite status for success, an alert for failure (both always present, so changes are announced). */
import { component$ } from '@builder.io/qwik';

interface Props {
  /** Success sentence (role="status"). */
  status?: string;
  /** Failure sentence (role="alert"). */
  error?: string;
  /** Field messages listed under the failure when there are several. */
  fieldErrors?: Record<string, string>;
  /** The alert's id, so a control can point `aria-describedby` at it. */
  id?: string;
}

/**
 * The live regions are rendered empty from the start (an element that appears already filled is often not read out)
 * and `.alert:empty` hides them until they have something to say.
 */
export const FormStatus = component$<Props>(({ status, error, fieldErrors, id }) => {
  const list = Object.values(fieldErrors ?? {});
  return (
    <div class="form-status">
      <div class="alert alert-success" role="status">
        {status && <p>{status}</p>}
      </div>
      <div class="alert alert-error" role="alert" id={id}>
        {error && <p>{error}</p>}
        {error && list.length > 1 && (
          <ul class="alert-list">
            {list.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
});
