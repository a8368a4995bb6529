/** A postal address as lines of text, for the address book, the account overview and an order. */
import { component$ } from '@builder.io/qwik';
import { addressLines, type ShownAddress } from '~/lib/address-lines';

/** An <address> block. */
export const AddressLines = component$<{ address: ShownAddress; countryName?: string }>(
  ({ address, countryName }) => (
    <address class="address-lines">
      {addressLines(address, countryName).map((line, i) => (
        <span key={i}>{line}</span>
      ))}
    </address>
  ),
);
