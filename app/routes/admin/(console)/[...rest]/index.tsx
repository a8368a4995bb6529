/**
 * The 403 page. The admin guard rewrites every refused request here (a page the roles may not open, or an address
 * under /admin with no rule), so the address stays and nothing of the refused page runs.
 */
import { component$ } from '@builder.io/qwik';
import type { DocumentHead, RequestHandler } from '@builder.io/qwik-city';
import { Forbidden } from '~/components/admin/forbidden/Forbidden';
import { useAdminShell } from '~/routes/admin/(console)/layout';

export const onRequest: RequestHandler = ({ status }) => {
  status(403);
};

export default component$(() => {
  const shell = useAdminShell();
  return <Forbidden roles={shell.value.rolesText} />;
});

export const head: DocumentHead = { title: 'No access' };
