/** Zod schemas for prefixed ids, from the one id rule in ids.ts (kept apart so pages that mint ids load no zod). */
import { z } from 'zod';
import { ID_PREFIXES, type IdKind, isId } from './ids';

/** A schema accepting only well-formed ids of `kind` (`idSchema('cart')` → `cart_…`). */
export function idSchema(kind: IdKind) {
  return z.string().refine((id) => isId(kind, id), `Expected a ${kind} id (${ID_PREFIXES[kind]}_…).`);
}
