/** Audit entries as a table: when, who, what, which record, and (optionally) the before/after snapshots. */
import { component$ } from '@builder.io/qwik';
import { formatDateTime, isoOf } from '~/lib/admin-format';

/** An entry as pages show it: snapshots already pretty-printed JSON (or null). */
export interface AuditRow {
  id: string;
  at: number;
  staffEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string | null;
}

/** Plain words for the actions the services write; unknown actions show their code alone. */
export const ACTION_LABELS: Record<string, string> = {
  'staff.invite': 'Invited a staff member',
  'staff.join': 'Joined the team',
  'staff.roles': 'Changed roles',
  'staff.disable': 'Disabled a staff member',
  'staff.enable': 'Enabled a staff member',
  'order.status': 'Changed an order’s status',
  'order.note': 'Added a note to an order',
  'order.shipping_address': 'Changed an order’s shipping address',
  'order.resend_confirmation': 'Resent an order confirmation',
};

interface Props {
  rows: AuditRow[];
  caption: string;
  /** Show the disclosure with before/after snapshots. */
  details?: boolean;
}

export const AuditTable = component$<Props>(({ rows, caption, details = false }) => (
  <div class="adm-table-wrap">
    <table class="adm-table adm-audit">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Entity</th>
        </tr>
      </thead>
      {rows.map((e) => (
        // One tbody per entry: its row, and (on the audit page) a full-width row with the snapshots.
        <tbody key={e.id}>
          <tr>
            <td class="adm-nowrap">
              <time dateTime={isoOf(e.at)}>{formatDateTime(e.at)}</time>
            </td>
            <td>{e.staffEmail}</td>
            <th scope="row" class="adm-cell-main">
              {ACTION_LABELS[e.action] ?? e.action}
              <code class="adm-code">{e.action}</code>
            </th>
            <td>
              <span class="adm-muted">{e.entityType}</span>
              <code class="adm-code adm-block">{e.entityId}</code>
            </td>
          </tr>
          {details && (
            <tr class="adm-audit-more">
              <td colSpan={4}>
                <details class="adm-details">
                  <summary>
                    Details
                    <span class="visually-hidden">
                      {' '}
                      of {e.action} on {formatDateTime(e.at)}
                    </span>
                  </summary>
                  <div class="adm-details-body">
                    <div>
                      <p class="adm-details-label">Before</p>
                      <pre class="adm-json">{e.before ?? '(nothing)'}</pre>
                    </div>
                    <div>
                      <p class="adm-details-label">After</p>
                      <pre class="adm-json">{e.after ?? '(nothing)'}</pre>
                    </div>
                  </div>
                  {e.requestId && (
                    <p class="adm-muted adm-details-foot">
                      Request <code class="adm-code">{e.requestId}</code>
                    </p>
                  )}
                </details>
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  </div>
));

/** A snapshot column (JSON text or null) indented for reading. */
export function prettyJson(text: string | null): string | null {
  if (text === null) return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
