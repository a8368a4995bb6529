/** One saved address: its lines, default badges, and Edit / make default / Delete (with a confirmation step). */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { AddressLines } from '~/components/shop/address-lines/AddressLines';
import { countryName } from '~/lib/format';
import type { useDeleteAddress, useSetDefault } from '~/routes/(shop)/account/(signed-in)/addresses/actions';
import type { SavedAddress } from '~/routes/(shop)/account/(signed-in)/addresses/index';

interface Props {
  address: SavedAddress;
  setDefault: ReturnType<typeof useSetDefault>;
  remove: ReturnType<typeof useDeleteAddress>;
  /** This card asks "Delete this address?" (reached by the Delete link, so it works without JavaScript). */
  confirming: boolean;
}

/** Every control names the address it acts on (the name and first line), since a page lists several. */
export const AddressCard = component$<Props>(({ address: a, setDefault, remove, confirming }) => {
  const which = `${a.name}, ${a.line1}`;
  return (
    <li class="panel address-card">
      {(a.isDefaultShipping || a.isDefaultBilling) && (
        <p class="address-badges">
          {a.isDefaultShipping && <span class="badge badge-default">Default shipping</span>}
          {a.isDefaultBilling && <span class="badge badge-default">Default billing</span>}
        </p>
      )}
      <AddressLines address={a} countryName={countryName(a.country)} />
      {confirming ? (
        <fieldset class="confirm-box" id="confirm-delete" tabIndex={-1}>
          <legend>Delete this address?</legend>
          <p>This cannot be undone.</p>
          <div class="button-row">
            <Form action={remove}>
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" class="btn btn-danger">
                Delete address<span class="visually-hidden"> {which}</span>
              </button>
            </Form>
            <a class="btn btn-secondary" href="/account/addresses">
              Keep it
            </a>
          </div>
        </fieldset>
      ) : (
        <div class="address-actions">
          <a href={`/account/addresses?edit=${a.id}#address-form-title`}>
            Edit<span class="visually-hidden"> {which}</span>
          </a>
          {(['shipping', 'billing'] as const).map((kind) =>
            (kind === 'shipping' ? a.isDefaultShipping : a.isDefaultBilling) ? null : (
              <Form key={kind} action={setDefault}>
                <input type="hidden" name="id" value={a.id} />
                <input type="hidden" name="kind" value={kind} />
                <button type="submit" class="btn btn-link">
                  Make default {kind}
                  <span class="visually-hidden"> address: {which}</span>
                </button>
              </Form>
            ),
          )}
          <a href={`/account/addresses?delete=${a.id}#confirm-delete`} class="link-danger">
            Delete<span class="visually-hidden"> {which}</span>
          </a>
        </div>
      )}
    </li>
  );
});
