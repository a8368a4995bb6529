/** An order's timeline, oldest first: what happened, who did it, when, and any note. */
import { component$ } from '@builder.io/qwik';
import { formatDateTime, isoOf } from '~/lib/admin-format';
import { actorLabel, eventTitle, type TimelineEvent } from '~/lib/admin-orders';

interface Props {
  events: (TimelineEvent & { id: string; createdAt: number })[];
}

export const OrderTimeline = component$<Props>(({ events }) => (
  <section class="adm-card" aria-labelledby="timeline">
    <div class="adm-card-head">
      <h2 id="timeline">Timeline</h2>
      <span class="adm-muted">{events.length} events</span>
    </div>
    <ol class="adm-timeline">
      {events.map((e) => (
        <li key={e.id}>
          <p class="adm-timeline-what">
            <strong>{eventTitle(e)}</strong>
            <span class="adm-muted">
              {' '}
              by {actorLabel(e)} · <time dateTime={isoOf(e.createdAt)}>{formatDateTime(e.createdAt)}</time>
            </span>
          </p>
          {e.note && e.note !== eventTitle(e) && <p class="adm-timeline-note">{e.note}</p>}
        </li>
      ))}
    </ol>
  </section>
));
