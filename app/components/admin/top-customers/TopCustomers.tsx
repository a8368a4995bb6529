/**
 * The biggest spenders of all time as a table: who (a link to the account, or the guest's email) only when the
 * report carries identities (the reader holds customers:read), else each row by rank and kind alone.
 */
import { component$, useStyles$ } from '@builder.io/qwik';
import styles from '~/components/admin/charts/charts.css?inline';
import { formatDate } from '~/lib/format';
import { formatAmount, formatCount } from '~/lib/report-format';

export interface TopCustomerItem {
  rank: number;
  kind: 'account' | 'guest';
  customerId: string | null;
  name: string | null;
  email: string | null;
  orders: number;
  net: number;
  lastOrderAt: number;
}

interface Props {
  rows: TopCustomerItem[];
  identities: boolean;
  currency: string;
}

function who(row: TopCustomerItem) {
  if (row.customerId) {
    return <a href={`/admin/customers/${row.customerId}`}>{row.name ?? row.email ?? row.customerId}</a>;
  }
  return row.name ?? (row.kind === 'guest' ? 'Guest' : 'Account');
}

export const TopCustomers = component$<Props>(({ rows, identities, currency }) => {
  useStyles$(styles);
  const caption = 'Top customers by net sales (all time)';
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a narrow screen scrolls the table; without identities it has no link to reach by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
    <section class="adm-table-wrap" aria-label={caption} tabIndex={0}>
      <table class="adm-table adm-report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="adm-num">
              Rank
            </th>
            <th scope="col">Customer</th>
            {identities && <th scope="col">Email</th>}
            <th scope="col" class="adm-num">
              Orders
            </th>
            <th scope="col" class="adm-num">
              Net sales
            </th>
            <th scope="col">Last order</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={identities ? 6 : 5} class="adm-empty">
                No orders yet.
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.rank}>
                <td class="adm-num">{row.rank}</td>
                <th scope="row">{identities ? who(row) : row.kind === 'guest' ? 'Guest' : 'Account'}</th>
                {identities && <td>{row.email}</td>}
                <td class="adm-num">{formatCount(row.orders)}</td>
                <td class="adm-num">{formatAmount(row.net, currency)}</td>
                <td>{formatDate(row.lastOrderAt)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
});
