/**
 * Product CSV import: decode and parse, validate every row against the catalog (nothing written to it on any
 * error), stage the validated plan in chunks, then apply it in one transaction with its audit entry. The import
 * record shows the phase and rows done, so a page can poll it while the request runs.
 */
import type { Db } from '@db/client';
import { appendAuditStatement } from '@db/repositories/audit';
import {
  applyImportStatements,
  createImport,
  dropStagedRows,
  findImport,
  loadCsvFacts,
  setImportProgress,
  stageImportRows,
} from '@db/repositories/catalog-import';
import type { CsvRowError } from '@domain/catalog/csv-columns';
import { decodeCsv, parseCsvText } from '@domain/catalog/csv-parse';
import { lookupsOf, validateCsvRows } from '@domain/catalog/csv-rows';
import { newId } from '@domain/core/ids';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

export interface ImportContext {
  db: Db;
  currency: string;
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  requestId?: string;
  now: () => number;
}

export interface ImportSummary {
  createdProducts: number;
  updatedProducts: number;
  createdVariants: number;
  updatedVariants: number;
  /** Stock levels set for new SKUs. */
  stockSet: number;
  /** Stock values not applied: the SKU existed, and its stock changes only through stock adjustments. */
  stockIgnored: number;
}

export type ImportOutcome =
  | { ok: true; importId: string; totalRows: number; summary: ImportSummary }
  | {
      ok: false;
      /** too-large → 413; rejected → 422 with row errors; conflict → 409 (the catalog changed under the import). */
      reason: 'too-large' | 'rejected' | 'conflict';
      importId?: string;
      message: string;
      errors: CsvRowError[];
      errorCount: number;
    };

const rejected = (
  message: string,
  errors: CsvRowError[] = [],
  importId?: string,
  errorCount = errors.length,
) =>
  ({
    ok: false,
    reason: 'rejected',
    message,
    errors,
    errorCount,
    ...(importId ? { importId } : {}),
  }) as const;

/** Imports `bytes` (a UTF-8 CSV file). `importId` may be minted by the client, so it can poll progress at once. */
export async function importProductsCsv(
  ctx: ImportContext,
  input: { bytes: Uint8Array; fileName: string; importId?: string },
): Promise<ImportOutcome> {
  const decoded = decodeCsv(input.bytes);
  if (!decoded.ok) {
    return decoded.message === 'too large'
      ? { ok: false, reason: 'too-large', message: 'The file is over 20 MB.', errors: [], errorCount: 0 }
      : rejected(decoded.message);
  }
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok) {
    const { tooLarge, message, errors } = parsed.error;
    return tooLarge
      ? { ok: false, reason: 'too-large', message, errors, errorCount: errors.length }
      : rejected(message, errors);
  }
  const { db } = ctx;
  const table = parsed.table;
  const importId = input.importId ?? newId('import');
  if (input.importId && (await findImport(db, importId))) {
    return {
      ok: false,
      reason: 'conflict',
      message: 'That import id is already used.',
      errors: [],
      errorCount: 0,
    };
  }
  await createImport(db, {
    id: importId,
    staffId: ctx.actor.id,
    fileName: input.fileName.slice(0, 200),
    totalRows: table.rows.length,
    now: ctx.now(),
  });

  const facts = { currency: ctx.currency, ...(await loadCsvFacts(db, lookupsOf(table))) };
  const result = validateCsvRows(table, facts);
  if (!result.ok) {
    await setImportProgress(db, importId, {
      status: 'rejected',
      errorCount: result.errorCount,
      errors: result.errors,
      now: ctx.now(),
    });
    const message = `${result.errorCount} error${result.errorCount === 1 ? '' : 's'} in the file; nothing was imported.`;
    return rejected(message, result.errors, importId, result.errorCount);
  }

  const now = ctx.now();
  const products = result.plan.products.map(({ images, ...p }) => ({
    ...p,
    id: newId('product', now),
    ...(images ? { images: images.map((url) => ({ id: newId('image', now), url })) } : {}),
  }));
  const variants = result.plan.variants.map((v) => ({
    ...v,
    id: newId('variant', now),
    ...(v.stock !== undefined ? { movementId: newId('stockMovement', now) } : {}),
  }));
  await setImportProgress(db, importId, { status: 'staging', rowsDone: 0, now: ctx.now() });
  await stageImportRows(db, importId, 'product', products, async () => {});
  await stageImportRows(db, importId, 'variant', variants, (staged) =>
    setImportProgress(db, importId, {
      status: 'staging',
      rowsDone: Math.min(staged, table.rows.length - 1),
      now: ctx.now(),
    }),
  );

  try {
    await db.batch([
      ...applyImportStatements(db, {
        id: importId,
        staffId: ctx.actor.id,
        currency: ctx.currency,
        now: ctx.now(),
      }),
      appendAuditStatement(
        db,
        auditEntry({
          actor: ctx.actor,
          action: 'catalog.import',
          entityType: 'catalog_import',
          entityId: importId,
          after: { fileName: input.fileName, rows: table.rows.length, products: products.length },
          requestId: ctx.requestId,
          now: ctx.now(),
        }),
      ),
    ]);
  } catch (error) {
    await dropStagedRows(db, importId);
    const conflict =
      /catalog_imports_(conflicts|applied)_check|NOT NULL constraint failed: products\.category_id/.test(
        String((error as Error)?.message ?? error) +
          String((error as { cause?: Error })?.cause?.message ?? ''),
      );
    await setImportProgress(db, importId, {
      status: 'failed',
      errors: [
        {
          row: 0,
          column: null,
          message: conflict ? 'The catalog changed during the import.' : 'Internal error.',
        },
      ],
      now: ctx.now(),
    });
    if (!conflict) throw error;
    return {
      ok: false,
      reason: 'conflict',
      importId,
      message:
        'The catalog changed while the file was imported (a SKU or category it names); nothing was imported. Try again.',
      errors: [],
      errorCount: 0,
    };
  }
  const record = await findImport(db, importId);
  return {
    ok: true,
    importId,
    totalRows: table.rows.length,
    summary: JSON.parse(record?.summary ?? '{}') as ImportSummary,
  };
}
