/** The store's tax and shipping tables: read whole (they are small) for pricing, written one row at a time by staff. */
import type { Db } from '@db/client';
import { shippingMethods, shippingZones, storeSettings, taxRates } from '@db/schema';
import type { ShippingMethodRule, ShippingZoneRule, WeightBand } from '@domain/pricing/shipping';
import type { TaxRate, TaxSettings } from '@domain/pricing/tax';
import { and, asc, eq, ne } from 'drizzle-orm';

export type TaxRateRow = typeof taxRates.$inferSelect;
export type ShippingZoneRow = typeof shippingZones.$inferSelect;
export type ShippingMethodRow = typeof shippingMethods.$inferSelect;

/** A zone with its methods, as the admin pages show it. */
export interface ZoneWithMethods extends ShippingZoneRule {
  methods: Array<ShippingMethodRule & { id: string }>;
}

const DEFAULT_SETTINGS: TaxSettings = { pricesIncludeTax: false, shippingTaxable: true };

function parseJsonArray<T>(text: string): T[] {
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? (value as T[]) : [];
}

function toMethod(row: ShippingMethodRow): ShippingMethodRule & { id: string } {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    amount: row.amount,
    weightBands: parseJsonArray<WeightBand>(row.weightBands),
    freeFrom: row.freeFrom,
    currency: row.currency,
    minDays: row.minDays,
    maxDays: row.maxDays,
    active: row.active,
  };
}

function assemble(zones: ShippingZoneRow[], methods: ShippingMethodRow[]): ZoneWithMethods[] {
  return zones.map((zone) => ({
    id: zone.id,
    name: zone.name,
    countries: parseJsonArray<string>(zone.countries),
    restOfWorld: zone.restOfWorld,
    methods: methods.filter((m) => m.zoneId === zone.id).map(toMethod),
  }));
}

/**
 * Everything pricing needs for one destination country, in ONE round trip (a D1 batch): the settings, that
 * country's tax rates, and every shipping zone with its methods (a handful of rows).
 */
export async function loadPricingRules(db: Db, country: string) {
  const [settings, rates, zones, methods] = await db.batch([
    db.select().from(storeSettings).where(eq(storeSettings.id, 1)),
    db.select().from(taxRates).where(eq(taxRates.country, country.trim().toUpperCase())),
    db.select().from(shippingZones).orderBy(asc(shippingZones.position), asc(shippingZones.name)),
    db.select().from(shippingMethods).orderBy(asc(shippingMethods.position), asc(shippingMethods.code)),
  ]);
  return {
    settings: settingsOf(settings[0]),
    rates: rates as TaxRate[],
    zones: assemble(zones, methods),
  };
}

function settingsOf(row: typeof storeSettings.$inferSelect | undefined): TaxSettings {
  return row
    ? { pricesIncludeTax: row.pricesIncludeTax, shippingTaxable: row.shippingTaxable }
    : DEFAULT_SETTINGS;
}

export async function getTaxSettings(db: Db): Promise<TaxSettings> {
  const [row] = await db.select().from(storeSettings).where(eq(storeSettings.id, 1));
  return settingsOf(row);
}

/** Statement: the settings row, created or replaced. */
export function saveTaxSettings(db: Db, settings: TaxSettings, now: number) {
  return db
    .insert(storeSettings)
    .values({ id: 1, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: storeSettings.id, set: { ...settings, updatedAt: now } });
}

export async function listTaxRates(db: Db): Promise<TaxRateRow[]> {
  return db
    .select()
    .from(taxRates)
    .orderBy(asc(taxRates.country), asc(taxRates.region), asc(taxRates.category));
}

export async function findTaxRate(db: Db, id: string): Promise<TaxRateRow | null> {
  const [row] = await db.select().from(taxRates).where(eq(taxRates.id, id));
  return row ?? null;
}

/** The rate of a zone × category, if there is one. */
export async function findTaxRateFor(db: Db, key: Pick<TaxRateRow, 'country' | 'region' | 'category'>) {
  const [row] = await db
    .select()
    .from(taxRates)
    .where(
      and(
        eq(taxRates.country, key.country),
        eq(taxRates.region, key.region),
        eq(taxRates.category, key.category),
      ),
    );
  return row ?? null;
}

/** Statement: the rate for a zone × category (the unique key), inserted or replaced in place. */
export function upsertTaxRate(db: Db, row: TaxRateRow) {
  const { id: _id, country: _c, region: _r, category: _k, ...changes } = row;
  return db
    .insert(taxRates)
    .values(row)
    .onConflictDoUpdate({ target: [taxRates.country, taxRates.region, taxRates.category], set: changes });
}

/** Statement: deletes a rate. */
export function deleteTaxRate(db: Db, id: string) {
  return db.delete(taxRates).where(eq(taxRates.id, id));
}

export async function listShippingZones(db: Db): Promise<ZoneWithMethods[]> {
  const [zones, methods] = await db.batch([
    db.select().from(shippingZones).orderBy(asc(shippingZones.position), asc(shippingZones.name)),
    db.select().from(shippingMethods).orderBy(asc(shippingMethods.position), asc(shippingMethods.code)),
  ]);
  return assemble(zones, methods);
}

export async function findShippingZone(db: Db, id: string): Promise<ShippingZoneRow | null> {
  const [row] = await db.select().from(shippingZones).where(eq(shippingZones.id, id));
  return row ?? null;
}

/** Zones other than `exceptId`, to check that no country is listed twice and only one zone is the rest of the world. */
export async function otherShippingZones(db: Db, exceptId: string): Promise<ShippingZoneRow[]> {
  return db.select().from(shippingZones).where(ne(shippingZones.id, exceptId));
}

/** Statement: a zone, inserted or replaced. */
export function saveShippingZone(db: Db, row: ShippingZoneRow) {
  const { id: _id, ...changes } = row;
  return db.insert(shippingZones).values(row).onConflictDoUpdate({ target: shippingZones.id, set: changes });
}

/** Statement: deletes a zone (its methods go with it). */
export function deleteShippingZone(db: Db, id: string) {
  return db.delete(shippingZones).where(eq(shippingZones.id, id));
}

export async function findShippingMethod(db: Db, id: string): Promise<ShippingMethodRow | null> {
  const [row] = await db.select().from(shippingMethods).where(eq(shippingMethods.id, id));
  return row ?? null;
}

/** The method with `code` in `zoneId` (codes are unique per zone). */
export async function findMethodByCode(
  db: Db,
  zoneId: string,
  code: string,
): Promise<ShippingMethodRow | null> {
  const [row] = await db
    .select()
    .from(shippingMethods)
    .where(and(eq(shippingMethods.zoneId, zoneId), eq(shippingMethods.code, code)));
  return row ?? null;
}

/** Statement: a method, inserted or replaced. */
export function saveShippingMethod(db: Db, row: ShippingMethodRow) {
  const { id: _id, ...changes } = row;
  return db
    .insert(shippingMethods)
    .values(row)
    .onConflictDoUpdate({ target: shippingMethods.id, set: changes });
}

/** Statement: deletes a method. */
export function deleteShippingMethod(db: Db, id: string) {
  return db.delete(shippingMethods).where(eq(shippingMethods.id, id));
}
