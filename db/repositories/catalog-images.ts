/** Product image rows (the files themselves are in R2, see worker/services/catalog/images.ts). */
import type { Db } from '@db/client';
import { productImages, productVariants } from '@db/schema';
import { asc, eq } from 'drizzle-orm';

export type ImageRow = typeof productImages.$inferSelect;

/** The product's images in display order. */
export function findProductImages(db: Db, productId: string): Promise<ImageRow[]> {
  return db
    .select()
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position));
}

export const insertImageStatement = (db: Db, row: ImageRow) => db.insert(productImages).values(row);

export const setImageAltStatement = (db: Db, id: string, alt: string) =>
  db.update(productImages).set({ alt }).where(eq(productImages.id, id));

/** One statement per image: its index in `ids` becomes its position. */
export const setImagePositionStatements = (db: Db, ids: readonly string[]) =>
  ids.map((id, position) => db.update(productImages).set({ position }).where(eq(productImages.id, id)));

/** Deletes the row and unlinks variants that showed it. */
export const deleteImageStatements = (db: Db, id: string) => [
  db.update(productVariants).set({ imageId: null }).where(eq(productVariants.imageId, id)),
  db.delete(productImages).where(eq(productImages.id, id)),
];
