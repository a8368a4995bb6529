/**
 * The header's per-user island: a few hundred bytes of inline script that asks GET /api/session/summary (no-store)
 * and fills in the cart count and the account link, so the page around it is the same for everyone and can be
 * cached publicly (docs/architecture.md, "Catalog pages from the edge cache"). Not a Qwik component with a visible
 * task: that would wake Qwik's runtime on every page load, several times this script's weight.
 */
import { component$, useServerData } from '@builder.io/qwik';
import { CART_CHANGED_EVENT } from '~/lib/cart-changed';

// Plain JavaScript, run as is by the browser. Targets are marked `data-session="…"` in SiteHeader. Without a
// signed-in customer the account link becomes "Log in" and brings the shopper back here afterwards. Pages announce
// cart changes (app/lib/cart-changed.ts); a Qwik <Form> action that completed in place (log in, which then navigates
// without a reload; its `submitcompleted` event does not bubble, so it is caught while capturing) or an outbox
// replay by the service worker makes it ask again.
const SCRIPT = `{
const q=(n)=>document.querySelector('[data-session="'+n+'"]');
const count=(n)=>{const c=q('cart-count'),u=q('cart-unit');if(c)c.textContent=String(n);if(u)u.textContent=n===1?' item':' items';};
const show=(s)=>{count(s.cartCount);const a=q('account'),t=q('account-text'),h=q('account-hint'),o=q('logout');if(!a||!t)return;
if(s.firstName){t.textContent=s.firstName;if(h)h.textContent='(your account)';a.href='/account';if(o)o.hidden=false;}
else{t.textContent='Log in';if(h)h.textContent='';if(o)o.hidden=true;const p=location.pathname;
if(!p.startsWith('/account'))a.href='/account/login?next='+encodeURIComponent(p+location.search);}};
const load=()=>fetch('/api/session/summary',{cache:'no-store',credentials:'same-origin'}).then((r)=>r.ok?r.json():null).then((s)=>{if(s)show(s);}).catch(()=>{});
load();
addEventListener('pageshow',(e)=>{if(e.persisted)load();});
document.addEventListener('${CART_CHANGED_EVENT}',(e)=>{typeof e.detail==='number'?count(e.detail):load();});
document.addEventListener('submitcompleted',load,true);
navigator.serviceWorker?.addEventListener('message',(e)=>{if(e.data?.type==='outbox-flushed')load();});
}`;

/** The inline script, with this response's CSP nonce (the edge cache gives every hit a fresh one). */
export const SessionIsland = component$(() => {
  const nonce = useServerData<string>('nonce');
  return <script type="module" nonce={nonce} dangerouslySetInnerHTML={SCRIPT} />;
});
