/** Any path no other route matches: the styled 404 page, with status 404. */
import { component$ } from '@builder.io/qwik';
import type { DocumentHead, RequestHandler } from '@builder.io/qwik-city';
import { NotFound } from '~/components/shop/not-found/NotFound';

export const onRequest: RequestHandler = ({ status }) => {
  status(404);
};

export default component$(() => <NotFound />);

export const head: DocumentHead = { title: 'Page not found', meta: [{ name: 'robots', content: 'noindex' }] };
