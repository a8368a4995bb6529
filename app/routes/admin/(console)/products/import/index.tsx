/**
 * Product CSV import: upload a file (a plain multipart form, so it works without JavaScript); a rejected file shows
 * its row errors and changes nothing, an accepted one a summary. With JavaScript the page polls the import record
 * (its id is minted here and posted with the file) to show progress while the request runs. Needs catalog:write.
 */
import { component$, isServer, useSignal, useTask$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { isId, newId } from '@domain/core/ids';
import { importProductsCsv } from '@worker/services/catalog/csv-import';
import { FormStatus } from '~/components/admin/form-status/FormStatus';
import { ImportErrors } from '~/components/admin/import-errors/ImportErrors';
import { staffWith } from '~/lib/admin-session';

export const useNextImportId = routeLoader$(() => newId('import'));

export const useImport = routeAction$(async (form, event) => {
  const actor = await staffWith(event, 'catalog:write');
  if (!actor)
    return event.fail(403, { message: 'Your roles do not allow importing products.', errors: [], total: 0 });
  const file = form.file as unknown;
  if (!(file instanceof Blob) || file.size === 0) {
    return event.fail(400, { message: 'Choose a CSV file to import.', errors: [], total: 0 });
  }
  const importId =
    typeof form.importId === 'string' && isId('import', form.importId) ? form.importId : undefined;
  const env = event.platform.env;
  const outcome = await importProductsCsv(
    {
      db: createDb(env),
      currency: env.SHOP_CURRENCY,
      actor,
      requestId: event.request.headers.get('X-Request-Id') ?? undefined,
      now: Date.now,
    },
    {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file instanceof File ? file.name : 'upload.csv',
      importId,
    },
  );
  if (!outcome.ok) {
    const status = outcome.reason === 'too-large' ? 413 : outcome.reason === 'conflict' ? 409 : 422;
    return event.fail(status, {
      message: outcome.message,
      errors: outcome.errors,
      total: outcome.errorCount,
    });
  }
  const s = outcome.summary;
  return {
    message:
      `Imported ${outcome.totalRows} rows: ${s.createdProducts} products created, ${s.updatedProducts} updated; ` +
      `${s.createdVariants} variants created, ${s.updatedVariants} updated.` +
      (s.stockIgnored
        ? ` ${s.stockIgnored} stock values for existing SKUs were not applied (use stock adjustments).`
        : ''),
  };
});

export default component$(() => {
  const importId = useNextImportId();
  const action = useImport();
  const progress = useSignal('');
  // While the upload runs, poll its import record for the phase and rows done.
  useTask$(({ track, cleanup }) => {
    const running = track(() => action.isRunning);
    if (isServer) return;
    if (!running) {
      progress.value = '';
      return;
    }
    const id = importId.value;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/admin/imports/${id}`);
      if (!res.ok) return;
      const r = (await res.json()) as { status: string; rowsDone: number; totalRows: number };
      progress.value = `${r.status}: ${r.rowsDone} of ${r.totalRows} rows`;
    }, 500);
    cleanup(() => clearInterval(timer));
  });
  const value = action.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Import products</h1>
          <p class="adm-lede">
            One row per variant. Every row is checked first: a file with any error changes nothing.
          </p>
        </div>
        <a class="adm-btn" href="/api/admin/products/export.csv" download>
          Export CSV
        </a>
      </div>
      <Form action={action} class="adm-card" enctype="multipart/form-data">
        <input type="hidden" name="importId" value={importId.value} />
        <label for="import-file">CSV file (UTF-8, up to 20 MB and 100,000 rows)</label>
        <input id="import-file" type="file" name="file" accept=".csv,text/csv" required />
        <button type="submit" class="adm-btn adm-btn-primary" disabled={action.isRunning}>
          Import products
        </button>
        <p role="status" aria-live="polite">
          {action.isRunning ? progress.value || 'Uploading…' : ''}
        </p>
      </Form>
      <FormStatus
        ok={value && !value.failed ? value.message : undefined}
        error={value?.failed ? value.message : undefined}
      />
      {value?.failed && value.errors.length > 0 && <ImportErrors errors={value.errors} total={value.total} />}
    </>
  );
});

export const head: DocumentHead = { title: 'Import products' };
