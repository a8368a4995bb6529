/**
 * The shop's header and footer menus: add, edit, remove and move links with forms that post without JavaScript.
 * Viewing needs content:read; every change checks content:write again. Shop pages show a change on the next visit.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listNavLinks } from '@db/repositories/nav-links';
import { NAV_MENUS, NavLinkInput } from '@domain/content/nav-links';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { createNavLink, deleteNavLink, moveNavLink, updateNavLink } from '@worker/services/content/nav-links';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { CONTENT_NOT_ALLOWED, contentPageContext } from '~/lib/admin-content';
import { staffWith } from '~/lib/admin-session';
import { pageStaff } from '~/lib/session';

const MENU_LABELS = { header: 'Header', footer: 'Footer' } as const;
const LinkFields = {
  id: z.string().max(40).optional(),
  menu: z.string().max(10),
  label: z.string().max(200),
  href: z.string().max(600),
};

export const useMenus = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  return {
    links: await listNavLinks(createDb(event.platform.env)),
    canWrite: !!me && can(me.roles, 'content:write'),
  };
});

/** Checks and saves a link (new when there is no id); field errors come back to the form. */
export const useSaveLink = routeAction$(async ({ id, ...fields }, event) => {
  const actor = await staffWith(event, 'content:write');
  if (!actor) return event.fail(403, { message: CONTENT_NOT_ALLOWED });
  const parsed = NavLinkInput.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return event.fail(400, {
      message: Object.values(fieldErrors)[0] ?? 'Please check the link.',
      fieldErrors,
    });
  }
  const ctx = contentPageContext(event, actor);
  const saved = id ? await updateNavLink(ctx, id, parsed.data) : await createNavLink(ctx, parsed.data);
  if (!saved.ok) return event.fail(statusOfError(saved.error.code), { message: saved.error.detail });
  return { message: `“${saved.value.label}” saved in the ${saved.value.menu} menu.` };
}, zod$(LinkFields));

export const useChangeLink = routeAction$(
  async ({ id, change }, event) => {
    const actor = await staffWith(event, 'content:write');
    if (!actor) return event.fail(403, { message: CONTENT_NOT_ALLOWED });
    const ctx = contentPageContext(event, actor);
    const done = change === 'remove' ? await deleteNavLink(ctx, id) : await moveNavLink(ctx, id, change);
    if (!done.ok) return event.fail(statusOfError(done.error.code), { message: done.error.detail });
    return { message: change === 'remove' ? 'Link removed.' : `Link moved ${change}.` };
  },
  zod$({ id: z.string().max(40), change: z.enum(['up', 'down', 'remove']) }),
);

export default component$(() => {
  const { links, canWrite } = useMenus().value;
  const save = useSaveLink();
  const change = useChangeLink();
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Navigation</h1>
          <p class="adm-lede">The links in the shop’s header (after the categories) and footer.</p>
        </div>
      </div>
      <FormStatus outcome={outcomeOf(change.value)} />
      <FormStatus outcome={outcomeOf(save.value)} />
      {NAV_MENUS.map((menu) => {
        const items = links.filter((l) => l.menu === menu);
        return (
          <section key={menu} class="adm-card adm-card-pad" aria-labelledby={`menu-${menu}`}>
            <h2 id={`menu-${menu}`}>{MENU_LABELS[menu]} menu</h2>
            {items.length === 0 && <p>No links yet.</p>}
            <ol class="adm-form">
              {items.map((l, i) => (
                <li key={l.id} class="adm-row-actions">
                  <Form action={save} class="adm-row-actions">
                    <input type="hidden" name="id" value={l.id} />
                    <input type="hidden" name="menu" value={l.menu} />
                    <label for={`label-${l.id}`}>Label</label>
                    <input
                      id={`label-${l.id}`}
                      class="adm-input"
                      name="label"
                      value={l.label}
                      maxLength={40}
                      disabled={!canWrite}
                    />
                    <label for={`href-${l.id}`}>Link</label>
                    <input
                      id={`href-${l.id}`}
                      class="adm-input"
                      name="href"
                      value={l.href}
                      maxLength={500}
                      disabled={!canWrite}
                    />
                    {canWrite && (
                      <button type="submit" class="adm-btn adm-btn-sm">
                        Save<span class="visually-hidden"> {l.label}</span>
                      </button>
                    )}
                  </Form>
                  {canWrite &&
                    (['up', 'down', 'remove'] as const)
                      .filter((c) => (c === 'up' ? i > 0 : c === 'down' ? i < items.length - 1 : true))
                      .map((c) => (
                        <Form key={c} action={change}>
                          <input type="hidden" name="id" value={l.id} />
                          <input type="hidden" name="change" value={c} />
                          <button
                            type="submit"
                            class={[
                              'adm-btn',
                              'adm-btn-sm',
                              c === 'remove' ? 'adm-btn-danger-ghost' : 'adm-btn-ghost',
                            ]}
                          >
                            {c === 'up' ? 'Move up' : c === 'down' ? 'Move down' : 'Remove'}
                            <span class="visually-hidden"> {l.label}</span>
                          </button>
                        </Form>
                      ))}
                </li>
              ))}
            </ol>
            {canWrite && (
              <Form action={save} class="adm-form">
                <h3>Add a {menu} link</h3>
                <input type="hidden" name="menu" value={menu} />
                <div class="adm-field">
                  <label for={`new-label-${menu}`}>Label</label>
                  <input id={`new-label-${menu}`} class="adm-input" name="label" required maxLength={40} />
                </div>
                <div class="adm-field">
                  <label for={`new-href-${menu}`}>Link</label>
                  <input
                    id={`new-href-${menu}`}
                    class="adm-input"
                    name="href"
                    required
                    maxLength={500}
                    aria-describedby={`new-href-${menu}-hint`}
                  />
                  <p id={`new-href-${menu}-hint`} class="adm-hint">
                    A path on this shop, such as /blog, or an https:// address.
                  </p>
                </div>
                <button type="submit" class="adm-btn adm-btn-primary">
                  Add {menu} link
                </button>
              </Form>
            )}
          </section>
        );
      })}
    </>
  );
});

export const head: DocumentHead = { title: 'Navigation' };
