/** The address book's actions: save (add or edit), make a default, delete (re-exported by the page). */
import { routeAction$ } from '@builder.io/qwik-city';
import {
  type AddressRow,
  countAddresses,
  deleteAddress,
  insertAddress,
  listAddresses,
  MAX_ADDRESSES,
  updateAddress,
} from '@db/repositories/addresses';
import { idSchema } from '@domain/core/id-schema';
import { newId } from '@domain/core/ids';
import { type AddressInput, AddressInputSchema } from '@domain/customers/address';
import { z } from 'zod';
import { pageAccountContext } from '~/lib/account-context';
import { ADDRESS_FORM_LABELS } from '~/lib/address-fields';
import { formFailure, readForm } from '~/lib/form-input';
import { signedInCustomer } from '~/lib/signed-in';

const BOOK = '/account/addresses';
const NOT_FOUND = 'You have no address like that any more. It may have been deleted in another window.';

const checkbox = z
  .literal('on')
  .optional()
  .transform((v) => v === 'on');

/**
 * Adds or replaces an address. `intent=refresh` (the "Update fields" button a browser without JavaScript shows) only
 * re-renders the form for the chosen country, with what was typed kept; nothing is saved.
 */
export const useSaveAddress = routeAction$(async (data, event) => {
  const { principal } = await signedInCustomer(event);
  if ((data as { intent?: unknown }).intent === 'refresh') return { refreshed: true };
  const form = z.object({
    id: idSchema('address').optional(),
    intent: z.literal('save').optional(),
    address: AddressInputSchema,
    defaultShipping: checkbox,
    defaultBilling: checkbox,
  });
  const read = readForm(form, data, ADDRESS_FORM_LABELS);
  if (!read.ok) return event.fail(400, read.failure);
  const { id, address, defaultShipping, defaultBilling } = read.value;
  const db = pageAccountContext(event).db;
  if (id) {
    const found = await updateAddress(db, {
      id,
      customerId: principal.id,
      address,
      defaultShipping,
      defaultBilling,
    });
    if (!found) return event.fail(404, formFailure(NOT_FOUND));
  } else {
    if ((await countAddresses(db, principal.id)) >= MAX_ADDRESSES) {
      return event.fail(
        409,
        formFailure(`You can keep at most ${MAX_ADDRESSES} addresses. Delete one first.`),
      );
    }
    const now = Date.now();
    await insertAddress(db, {
      id: newId('address', now),
      customerId: principal.id,
      address,
      defaultShipping,
      defaultBilling,
      now,
    });
  }
  throw event.redirect(303, `${BOOK}?saved=1`);
});

function given(s: string | null): string | undefined {
  return s || undefined;
}

/** A saved row as the input updateAddress takes (stored blanks back to "not given"). */
function inputOf(row: AddressRow): AddressInput {
  return {
    name: row.name,
    company: given(row.company),
    line1: row.line1,
    line2: given(row.line2),
    city: given(row.city),
    region: given(row.region),
    postalCode: given(row.postalCode),
    country: row.country as AddressInput['country'],
    phone: given(row.phone),
  };
}

export const useSetDefault = routeAction$(async (data, event) => {
  const { principal } = await signedInCustomer(event);
  const parsed = z.object({ id: idSchema('address'), kind: z.enum(['shipping', 'billing']) }).safeParse(data);
  if (!parsed.success) return event.fail(400, formFailure(NOT_FOUND));
  const { id, kind } = parsed.data;
  const db = pageAccountContext(event).db;
  const row = (await listAddresses(db, principal.id)).find((a) => a.id === id);
  if (!row) return event.fail(404, formFailure(NOT_FOUND));
  await updateAddress(db, {
    id,
    customerId: principal.id,
    address: inputOf(row),
    ...(kind === 'shipping' ? { defaultShipping: true } : { defaultBilling: true }),
  });
  return { message: `That address is now your default ${kind} address.` };
});

export const useDeleteAddress = routeAction$(async (data, event) => {
  const { principal } = await signedInCustomer(event);
  const parsed = z.object({ id: idSchema('address') }).safeParse(data);
  const db = pageAccountContext(event).db;
  if (!parsed.success || !(await deleteAddress(db, principal.id, parsed.data.id))) {
    return event.fail(404, formFailure(NOT_FOUND));
  }
  throw event.redirect(303, `${BOOK}?deleted=1`);
});
