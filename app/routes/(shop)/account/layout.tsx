/** Every account page, signed in or not: nothing here may be kept by any cache. */
import { component$, Slot } from '@builder.io/qwik';
import type { RequestHandler } from '@builder.io/qwik-city';

/**
 * `no-store` for the pages, their loader data and their action responses: they show a shopper's own details, or
 * carry a one-time token in the address, and the service worker keeps nothing marked no-store (app/sw.ts). Runs
 * after the root layout's onRequest, so it replaces `private, no-cache`.
 */
export const onRequest: RequestHandler = ({ headers }) => {
  headers.set('Cache-Control', 'no-store');
};

export default component$(() => <Slot />);
