/** The 404 panel of an admin page whose record does not exist (e.g. an unknown customer id). */
import { component$ } from '@builder.io/qwik';

interface Props {
  title: string;
  backHref: string;
  backText: string;
}

export const AdminNotFound = component$<Props>(({ title, backHref, backText }) => (
  <section class="adm-panel-center" aria-labelledby="not-found-title">
    <p class="adm-panel-code">Error 404</p>
    <h1 id="not-found-title">{title}</h1>
    <p>It may have been erased, or the link is wrong.</p>
    <a class="adm-btn adm-btn-primary" href={backHref}>
      {backText}
    </a>
  </section>
));
