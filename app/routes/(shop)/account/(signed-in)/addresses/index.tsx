/** The address book: saved addresses with their default badges, and the add / edit form. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$, useLocation } from '@builder.io/qwik-city';
import { listAddresses, MAX_ADDRESSES } from '@db/repositories/addresses';
import { addressFieldLabels, SUPPORTED_COUNTRY_CODES } from '@domain/customers/address';
import { AddressCard } from '~/components/shop/address-card/AddressCard';
import { AddressForm } from '~/components/shop/address-form/AddressForm';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { pageAccountContext } from '~/lib/account-context';
import { useAccount, useCountryOptions } from '~/routes/(shop)/account/(signed-in)/layout';
import { useDeleteAddress, useSaveAddress, useSetDefault } from './actions';

export { useDeleteAddress, useSaveAddress, useSetDefault } from './actions';

/** The saved addresses, and every country's field names and rules for the form. */
export const useAddressBook = routeLoader$(async (event) => {
  const { id } = await event.resolveValue(useAccount);
  const rows = await listAddresses(pageAccountContext(event).db, id);
  return {
    addresses: rows.map(({ customerId: _, createdAt: __, ...a }) => a),
    labels: Object.fromEntries(SUPPORTED_COUNTRY_CODES.map((c) => [c, addressFieldLabels(c)])),
    max: MAX_ADDRESSES,
  };
});

/** A saved address as the page shows it. */
export type SavedAddress = ReturnType<typeof useAddressBook>['value']['addresses'][number];

export default component$(() => {
  const book = useAddressBook().value;
  const me = useAccount().value;
  const countries = useCountryOptions().value;
  const save = useSaveAddress();
  const setDefault = useSetDefault();
  const remove = useDeleteAddress();
  const params = useLocation().url.searchParams;
  const editing = book.addresses.find((a) => a.id === params.get('edit'));
  const confirming = params.get('delete');
  const outcome = setDefault.value ?? remove.value;
  const status = params.has('saved')
    ? 'Address saved.'
    : params.has('deleted')
      ? 'Address deleted.'
      : undefined;
  const full = book.addresses.length >= book.max;
  return (
    <>
      <div class="account-head">
        <h1>Your addresses</h1>
      </div>
      <FormStatus
        status={outcome && !outcome.failed ? (outcome as { message?: string }).message : status}
        error={outcome?.failed ? outcome.message : undefined}
      />
      {book.addresses.length === 0 ? (
        <p class="muted">You have no saved addresses yet. Add one below to check out faster.</p>
      ) : (
        <ul class="address-list" aria-label="Saved addresses">
          {book.addresses.map((a) => (
            <AddressCard
              key={a.id}
              address={a}
              setDefault={setDefault}
              remove={remove}
              confirming={confirming === a.id}
            />
          ))}
        </ul>
      )}
      <section class="panel account-section" aria-labelledby="address-form-title">
        <h2 id="address-form-title" tabIndex={-1}>
          {editing ? 'Edit address' : 'Add an address'}
        </h2>
        {!editing && full ? (
          <p class="muted">You can keep {book.max} addresses. Delete one to add another.</p>
        ) : (
          <AddressForm
            key={editing?.id ?? 'new'}
            action={save}
            labels={book.labels}
            countries={countries}
            start={
              editing
                ? {
                    id: editing.id,
                    values: {
                      ...editing,
                      company: editing.company ?? '',
                      line2: editing.line2 ?? '',
                      region: editing.region ?? '',
                      phone: editing.phone ?? '',
                    },
                    defaultShipping: editing.isDefaultShipping,
                    defaultBilling: editing.isDefaultBilling,
                  }
                : {
                    values: { country: me.country, name: me.name },
                    defaultShipping: false,
                    defaultBilling: false,
                  }
            }
          />
        )}
      </section>
    </>
  );
});

export const head: DocumentHead = { title: 'Your addresses', meta: [{ name: 'robots', content: 'noindex' }] };
