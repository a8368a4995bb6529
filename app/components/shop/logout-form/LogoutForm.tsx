/** The "Log out" button: a plain POST form to /account/logout, so it works on every page, with or without JavaScript. */
import { component$ } from '@builder.io/qwik';
import { Icon } from '~/components/ui/icon/Icon';

interface Props {
  /** End every session of the account, not only this browser's. */
  everywhere?: boolean;
  /** Class of the button (defaults to a secondary button). */
  buttonClass?: string;
  /** Show the icon and hide the words visually below the header's breakpoint. */
  compact?: boolean;
}

/**
 * Never a link: a GET must not end a session (prefetchers and scanners follow links). The server answers with a
 * redirect to the login page, which tells the service worker to drop this shopper's cached pages.
 */
export const LogoutForm = component$<Props>(({ everywhere, buttonClass, compact }) => (
  <form method="post" action="/account/logout" class="logout-form">
    {everywhere && <input type="hidden" name="everywhere" value="1" />}
    <button type="submit" class={buttonClass ?? 'btn btn-secondary'}>
      {compact && <Icon name="logout" />}
      <span class={compact ? 'header-action-text' : undefined}>
        {everywhere ? 'Log out everywhere' : 'Log out'}
      </span>
    </button>
  </form>
));
