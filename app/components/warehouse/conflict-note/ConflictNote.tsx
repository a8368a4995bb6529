/** The "note for the supervisor" form of one conflict: queued like any action, so it is sent even before the conflict is settled. */
import { component$, useSignal } from '@builder.io/qwik';

export const ConflictNote = component$<{ orderId: string; number: string }>((props) => {
  const note = useSignal('');
  const message = useSignal('');
  const fieldId = `note-${props.orderId}`;
  return (
    <form
      class="wh-form"
      preventdefault:submit
      onSubmit$={async () => {
        const text = note.value.trim();
        if (!text) {
          message.value = 'Write the note first.';
          return;
        }
        const { queueAction } = await import('~/lib/warehouse/client');
        const result = await queueAction('note', props.orderId, { note: text });
        if (result.ok) note.value = '';
        message.value = result.ok ? `Note added to order ${props.number}.` : 'The note could not be saved.';
      }}
    >
      <div class="wh-field">
        <label for={fieldId}>Note for the supervisor on order {props.number}</label>
        <textarea id={fieldId} rows={2} maxLength={2000} bind:value={note} />
      </div>
      <button type="submit" class="wh-btn wh-btn-secondary">
        Add note for the supervisor
      </button>
      <p class="wh-message" role="status">
        {message.value}
      </p>
    </form>
  );
});
