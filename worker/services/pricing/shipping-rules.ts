/**
 * Back office: shipping zones and their methods. A country belongs to one zone at most and one zone at most covers
 * the rest of the world, so every address has exactly one answer; every change is audited in the same batch.
 */
import {
  deleteShippingMethod,
  deleteShippingZone,
  findMethodByCode,
  findShippingMethod,
  findShippingZone,
  otherShippingZones,
  type ShippingMethodRow,
  type ShippingZoneRow,
  saveShippingMethod,
  saveShippingZone,
} from '@db/repositories/tax-shipping';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import type { ShippingMethodInput, ShippingZoneInput } from '@domain/pricing/rules-input';
import { auditChange, type PricingRulesContext } from './context';

const countriesOf = (row: ShippingZoneRow): string[] => JSON.parse(row.countries) as string[];

/** CONFLICT when another zone already lists one of the countries, or already covers the rest of the world. */
async function checkZoneOverlap(
  ctx: PricingRulesContext,
  id: string,
  input: ShippingZoneInput,
): Promise<Result<true>> {
  for (const other of await otherShippingZones(ctx.db, id)) {
    const taken = countriesOf(other).filter((c) => input.countries.includes(c));
    if (taken.length > 0) {
      return fail('CONFLICT', `${taken.join(', ')} already ship in the zone “${other.name}”.`, {
        errors: [{ path: 'countries', message: `Already in “${other.name}”: ${taken.join(', ')}.` }],
      });
    }
    if (input.restOfWorld && other.restOfWorld) {
      return fail('CONFLICT', `“${other.name}” already covers the rest of the world.`, {
        errors: [{ path: 'restOfWorld', message: `“${other.name}” already does.` }],
      });
    }
  }
  return ok(true);
}

/** Creates a zone (`id` null) or changes one. */
export async function saveZone(
  ctx: PricingRulesContext,
  id: string | null,
  input: ShippingZoneInput,
): Promise<Result<ShippingZoneRow>> {
  const before = id ? await findShippingZone(ctx.db, id) : null;
  if (id && !before) return fail('NOT_FOUND', 'No shipping zone has this id.');
  const zoneId = before?.id ?? newId('shippingZone', ctx.now);
  const overlap = await checkZoneOverlap(ctx, zoneId, input);
  if (!overlap.ok) return overlap;
  const row: ShippingZoneRow = {
    id: zoneId,
    name: input.name,
    countries: JSON.stringify(input.countries),
    restOfWorld: input.restOfWorld,
    position: input.position,
    updatedAt: ctx.now,
  };
  await ctx.db.batch([
    saveShippingZone(ctx.db, row),
    auditChange(ctx, {
      action: before ? 'shipping.zone.update' : 'shipping.zone.create',
      entityType: 'shipping_zone',
      entityId: zoneId,
      before,
      after: row,
    }),
  ]);
  return ok(row);
}

/** Deletes a zone and its methods; addresses it covered can no longer be shipped to until another zone lists them. */
export async function removeZone(ctx: PricingRulesContext, id: string): Promise<Result<ShippingZoneRow>> {
  const before = await findShippingZone(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No shipping zone has this id.');
  await ctx.db.batch([
    deleteShippingZone(ctx.db, id),
    auditChange(ctx, {
      action: 'shipping.zone.delete',
      entityType: 'shipping_zone',
      entityId: id,
      before,
      after: null,
    }),
  ]);
  return ok(before);
}

/** Adds a method to a zone (`methodId` null) or changes one; its code must be unique within the zone. */
export async function saveMethod(
  ctx: PricingRulesContext,
  zoneId: string,
  methodId: string | null,
  input: ShippingMethodInput & { currency: string },
): Promise<Result<ShippingMethodRow>> {
  if (!(await findShippingZone(ctx.db, zoneId))) return fail('NOT_FOUND', 'No shipping zone has this id.');
  const before = methodId ? await findShippingMethod(ctx.db, methodId) : null;
  if (methodId && (!before || before.zoneId !== zoneId))
    return fail('NOT_FOUND', 'No such method in this zone.');
  const sameCode = await findMethodByCode(ctx.db, zoneId, input.code);
  if (sameCode && sameCode.id !== methodId) {
    return fail('CONFLICT', `This zone already has a method with the code “${input.code}”.`, {
      errors: [{ path: 'code', message: 'Already used in this zone.' }],
    });
  }
  const row: ShippingMethodRow = {
    id: before?.id ?? newId('shippingMethod', ctx.now),
    zoneId,
    code: input.code,
    name: input.name,
    kind: input.kind,
    amount: input.kind === 'flat' ? input.amount : 0,
    weightBands: JSON.stringify(input.kind === 'weight' ? input.weightBands : []),
    freeFrom: input.freeFrom,
    currency: input.currency,
    minDays: input.minDays,
    maxDays: input.maxDays,
    active: input.active,
    // A method keeps its place when edited; the form does not move methods.
    position: before?.position ?? input.position,
    updatedAt: ctx.now,
  };
  await ctx.db.batch([
    saveShippingMethod(ctx.db, row),
    auditChange(ctx, {
      action: before ? 'shipping.method.update' : 'shipping.method.create',
      entityType: 'shipping_method',
      entityId: row.id,
      before,
      after: row,
    }),
  ]);
  return ok(row);
}

export async function removeMethod(ctx: PricingRulesContext, id: string): Promise<Result<ShippingMethodRow>> {
  const before = await findShippingMethod(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No shipping method has this id.');
  await ctx.db.batch([
    deleteShippingMethod(ctx.db, id),
    auditChange(ctx, {
      action: 'shipping.method.delete',
      entityType: 'shipping_method',
      entityId: id,
      before,
      after: null,
    }),
  ]);
  return ok(before);
}
