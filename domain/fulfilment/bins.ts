/** Bin locations: where a variant sits in the warehouse ("A-03-2"), their input rule and the pick-walk order. */
import { z } from 'zod';

/** Longest bin label accepted (column, form field, pick list cell). */
export const MAX_BIN_LENGTH = 32;

/** Letters, digits, dash, dot and space; starts and ends with a letter or digit once trimmed. */
export const BIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9. -]*[A-Za-z0-9])?$/;

/**
 * A bin as typed by staff: trimmed; an empty field means "no bin" (null), so clearing the field clears the bin.
 * Inner runs of spaces collapse to one, so "A  03" and "A 03" are the same shelf.
 */
export const BinLocationSchema = z
  .string()
  .transform((raw) => raw.trim().replace(/\s+/g, ' '))
  .pipe(
    z.union([
      z.literal('').transform(() => null),
      z
        .string()
        .max(MAX_BIN_LENGTH, `A bin location has at most ${MAX_BIN_LENGTH} characters.`)
        .regex(BIN_PATTERN, 'A bin location may hold only letters, digits, "-", "." and spaces.'),
    ]),
  );

/** Normalises a bin for display and storage, or null when it is not a valid bin. */
export function parseBinLocation(raw: string | null | undefined): string | null | undefined {
  if (raw == null) return null;
  const parsed = BinLocationSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const CHUNK = /(\d+)|(\D+)/g;

function chunksOf(bin: string): string[] {
  return bin.toUpperCase().match(CHUNK) ?? [];
}

/**
 * Natural order for bins, the order a picker walks the aisles: "A-2" before "A-10", case-insensitive, digits
 * compared as numbers ("A-02" and "A-2" are the same shelf; only when nothing else differs does the shorter spelling
 * go first, so the order is total).
 * Items without a bin go last: the picker has to look for them.
 */
export function compareBins(a: string | null | undefined, b: string | null | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  const ca = chunksOf(a);
  const cb = chunksOf(b);
  const n = Math.min(ca.length, cb.length);
  let spelling = 0; // "A-02" vs "A-2": decided only when nothing else differs
  for (let i = 0; i < n; i++) {
    const x = ca[i] as string;
    const y = cb[i] as string;
    const xNum = /^\d/.test(x);
    const yNum = /^\d/.test(y);
    if (xNum && yNum) {
      const diff = compareDigits(x, y);
      if (diff !== 0) return diff;
      if (spelling === 0) spelling = x.length - y.length;
    } else if (xNum !== yNum) {
      return xNum ? -1 : 1; // digits before letters, as in ASCII
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  if (spelling !== 0) return spelling;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two digit strings by value without Number(), so a 40-digit bin cannot lose precision. */
function compareDigits(x: string, y: string): number {
  const sx = x.replace(/^0+(?=\d)/, '');
  const sy = y.replace(/^0+(?=\d)/, '');
  if (sx.length !== sy.length) return sx.length - sy.length;
  if (sx !== sy) return sx < sy ? -1 : 1;
  return 0;
}

/** A copy of `items` in pick-walk order by their bin (stable for equal bins). */
export function sortByBin<T>(items: readonly T[], binOf: (item: T) => string | null | undefined): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((p, q) => compareBins(binOf(p.item), binOf(q.item)) || p.index - q.index)
    .map((p) => p.item);
}
