/**
 * The audit log, newest first: filter by action, staff member (email or id), entity and date range (a GET form, so a
 * filtered view has an address to share), then each entry's before/after snapshots in a disclosure.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAudit } from '@db/repositories/audit';
import { findStaffByEmail } from '@db/repositories/staff';
import { ACTION_LABELS, AuditTable, prettyJson } from '~/components/admin/audit-table/AuditTable';
import { TextField } from '~/components/admin/text-field/TextField';
import { Pagination } from '~/components/ui/pagination/Pagination';
import { endOfDay, pageParam, startOfDay } from '~/lib/admin-format';

const PAGE_SIZE = 25;
const FIELDS = ['action', 'staff', 'entityType', 'entityId', 'from', 'to'] as const;
type FilterField = (typeof FIELDS)[number];
const MAX_LENGTH: Record<FilterField, number> = {
  action: 64,
  staff: 254,
  entityType: 64,
  entityId: 254,
  from: 10,
  to: 10,
};
const ENTITY_TYPES = ['staff', 'invitation', 'customer'];
const BAD_DATE = 'Choose a real date.';

export const useAudit = routeLoader$(async ({ platform, url }) => {
  const values = Object.fromEntries(
    FIELDS.map((f) => [f, (url.searchParams.get(f) ?? '').trim().slice(0, MAX_LENGTH[f])]),
  ) as Record<FilterField, string>;
  const page = pageParam(url.searchParams.get('page'));
  const errors: Partial<Record<FilterField, string>> = {};
  const from = values.from ? startOfDay(values.from) : undefined;
  const to = values.to ? endOfDay(values.to) : undefined;
  if (from === null) errors.from = BAD_DATE;
  if (to === null) errors.to = BAD_DATE;
  if (typeof from === 'number' && typeof to === 'number' && to <= from) {
    errors.to = 'The end date must be on or after the start date.';
  }
  const empty = { values, errors, page, total: 0, pageCount: 1, items: [] };
  if (Object.keys(errors).length > 0) return empty;

  const db = createDb(platform.env);
  let staffId: string | undefined = values.staff || undefined;
  if (values.staff.includes('@')) {
    const member = await findStaffByEmail(db, values.staff);
    if (!member) return empty;
    staffId = member.id;
  }
  const { items, total } = await listAudit(db, {
    staffId,
    action: values.action || undefined,
    entityType: values.entityType || undefined,
    entityId: values.entityId || undefined,
    from: from ?? undefined,
    to: to ?? undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return {
    values,
    errors,
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items: items.map((e) => ({ ...e, before: prettyJson(e.before), after: prettyJson(e.after) })),
  };
});

export default component$(() => {
  const audit = useAudit();
  const { values, errors, page, total, pageCount, items } = audit.value;
  const filtered = FIELDS.some((f) => values[f]);
  const params = Object.fromEntries(FIELDS.filter((f) => values[f]).map((f) => [f, values[f]]));
  const invalid = Object.keys(errors).length > 0;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Audit log</h1>
          <p class="adm-lede">Every change staff make, who made it and what it changed.</p>
        </div>
      </div>

      <form class="adm-card adm-filters" method="get" action="/admin/audit" aria-labelledby="filters-title">
        <h2 id="filters-title" class="visually-hidden">
          Filters
        </h2>
        <div class="adm-filter-grid">
          <TextField
            id="f-action"
            name="action"
            label="Action"
            value={values.action}
            list="audit-actions"
            maxLength={64}
          />
          <TextField
            id="f-staff"
            name="staff"
            label="Staff email or id"
            value={values.staff}
            maxLength={254}
          />
          <TextField
            id="f-entity-type"
            name="entityType"
            label="Entity type"
            value={values.entityType}
            list="audit-entity-types"
            maxLength={64}
          />
          <TextField
            id="f-entity-id"
            name="entityId"
            label="Entity id"
            value={values.entityId}
            maxLength={254}
          />
          <TextField
            id="f-from"
            name="from"
            type="date"
            label="From (UTC)"
            value={values.from}
            error={errors.from}
          />
          <TextField id="f-to" name="to" type="date" label="To (UTC)" value={values.to} error={errors.to} />
        </div>
        <datalist id="audit-actions">
          {Object.keys(ACTION_LABELS).map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <datalist id="audit-entity-types">
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <div class="adm-filter-actions">
          <button type="submit" class="adm-btn adm-btn-primary">
            Apply filters
          </button>
          {filtered && (
            <a class="adm-btn adm-btn-secondary" href="/admin/audit">
              Clear filters
            </a>
          )}
        </div>
      </form>

      {invalid ? (
        <section class="adm-card adm-empty-card" role="alert">
          <h2>Check the filters</h2>
          <p>Some filter values could not be used. Correct them above and apply the filters again.</p>
        </section>
      ) : items.length === 0 ? (
        <section class="adm-card adm-empty-card">
          <h2>{filtered ? 'No entries match these filters' : 'Nothing has been recorded yet'}</h2>
          <p>
            {filtered
              ? 'Try a wider date range, or clear a filter.'
              : 'Entries appear here when staff change something.'}
          </p>
        </section>
      ) : (
        <section class="adm-card adm-card-flush" aria-labelledby="entries-title">
          <div class="adm-card-head adm-card-head-pad">
            <h2 id="entries-title">Entries</h2>
            <span class="adm-muted">
              {total.toLocaleString('en-US')} {total === 1 ? 'entry' : 'entries'}
              {filtered ? ' match' : ''}
            </span>
          </div>
          <AuditTable
            rows={items}
            caption={`Audit log entries, newest first, page ${page} of ${pageCount}`}
            details
          />
        </section>
      )}
      <Pagination page={page} pageCount={pageCount} path="/admin/audit" params={params} />
    </>
  );
});

export const head: DocumentHead = { title: 'Audit log' };
