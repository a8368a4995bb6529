/** The warehouse 403 page: the guard rewrites every refused request here (no fulfilment permission, or an unknown address). */
import { component$ } from '@builder.io/qwik';
import type { DocumentHead, RequestHandler } from '@builder.io/qwik-city';

export const onRequest: RequestHandler = ({ status }) => {
  status(403);
};

export default component$(() => (
  <section class="wh-page">
    <h1>No access</h1>
    <p>
      The warehouse app is for staff who pick, pack and ship orders. Ask an administrator for the warehouse
      role.
    </p>
    <p>
      <a class="wh-btn wh-btn-secondary" href="/admin">
        Go to the back office
      </a>
    </p>
  </section>
));

export const head: DocumentHead = { title: 'No access · Warehouse' };
