/** A price with an optional struck-through compare-at price for items on sale. */
import { component$ } from '@builder.io/qwik';
import { formatMoney, type MoneyValue } from '~/lib/format';

interface Props {
  price: MoneyValue;
  compareAt?: MoneyValue | null;
  /** Prefix "From" for products whose variants differ in price. */
  from?: boolean;
  class?: string;
}

/** Renders "$24.00" or, on sale, "$19.00 $24.00" with the old price marked as such for screen readers. */
export const Price = component$<Props>(({ price, compareAt, from, class: cls }) => {
  const onSale = !!compareAt && compareAt.amount > price.amount;
  return (
    <p class={['price', cls]}>
      {from && <span class="price-from">From</span>}
      <span class={onSale ? 'price-sale' : undefined}>
        {onSale && <span class="visually-hidden">Now </span>}
        {formatMoney(price)}
      </span>
      {onSale && (
        <s class="price-was">
          <span class="visually-hidden">Was </span>
          {formatMoney(compareAt)}
        </s>
      )}
    </p>
  );
});
