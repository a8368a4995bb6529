/** The shell of the back office's public pages (login, accepting an invitation): one card on a calm background. */
import { component$, Slot } from '@builder.io/qwik';
import { useShop } from '~/routes/layout';

export default component$(() => {
  const shop = useShop();
  return (
    <main id="main" class="adm-auth">
      <div class="adm-auth-inner">
        <p class="adm-auth-brand">
          <span class="adm-brand-mark" aria-hidden="true">
            {shop.value.name.slice(0, 1)}
          </span>
          <span>
            {shop.value.name}
            <span class="adm-brand-sub">Back office</span>
          </span>
        </p>
        <div class="adm-auth-card">
          <Slot />
        </div>
        <p class="adm-auth-foot">
          <a href="/">Back to the shop</a>
        </p>
      </div>
    </main>
  );
});
