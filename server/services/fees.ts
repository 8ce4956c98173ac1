import type { Transaction } from 'kysely';
import {
  balanceCovers,
  defaultFeeSchedule,
  feeScheduleSchema,
  inboundFees,
  unitSizeClass,
  unitSizeClasses,
  type FeeSchedule,
  type InboundFeeLine,
  type InboundFees,
} from '../../shared/domain/fees';
import { parcelServices, parcelSizeClasses } from '../../shared/domain/parcel-services';
import type { HubDatabase } from '../storage/schema';
import { recordChange } from './changes';

/**
 * How a fee_schedules row (fee_kind, size_class) names one amount of the domain's FeeSchedule:
 *   in-housing / small|medium|large      sku-labelling / unit
 *   shipping / nekopos | yamato-60 …     handling / nekopos|yamato|sagawa      packing / (same)
 * A branch's rows override the default schedule entry by entry; a branch without rows bills at the defaults.
 */
function scheduleSetters(): Map<string, (schedule: FeeSchedule, amount: number) => void> {
  const setters = new Map<string, (schedule: FeeSchedule, amount: number) => void>();
  for (const size of unitSizeClasses) setters.set(`in-housing/${size}`, (s, amount) => void (s.inHousingPerUnit[size] = amount));
  setters.set('sku-labelling/unit', (s, amount) => void (s.skuLabellingPerUnit = amount));
  setters.set('shipping/nekopos', (s, amount) => void (s.shippingPerParcel.nekopos = amount));
  for (const carrier of ['yamato', 'sagawa'] as const) {
    for (const { sizeClass } of parcelSizeClasses) {
      setters.set(`shipping/${carrier}-${sizeClass}`, (s, amount) => void (s.shippingPerParcel[carrier][`${sizeClass}`] = amount));
    }
  }
  for (const service of parcelServices) {
    setters.set(`handling/${service}`, (s, amount) => void (s.handlingPerParcel[service] = amount));
    setters.set(`packing/${service}`, (s, amount) => void (s.packingPerParcel[service] = amount));
  }
  return setters;
}

const setters = scheduleSetters();

export async function feeScheduleFor(trx: Transaction<HubDatabase>, branchCode: string): Promise<FeeSchedule> {
  const rows = await trx.selectFrom('fee_schedules').selectAll().where('branch_code', '=', branchCode).execute();
  const schedule: FeeSchedule = structuredClone({ ...defaultFeeSchedule, branchCode });
  for (const row of rows) {
    const set = setters.get(`${row.fee_kind}/${row.size_class}`);
    // Billing must not guess: a row we cannot place is a data error to fix, not something to skip silently.
    if (!set) throw new Error(`fee_schedules row not understood: ${branchCode} ${row.fee_kind}/${row.size_class}`);
    set(schedule, row.amount_jpy);
  }
  return feeScheduleSchema.parse(schedule);
}

export interface CountedUnits {
  sku: string;
  counted: number;
  unitsToLabel: number;
}

export type InboundFeeQuote = { ok: true; fees: InboundFees } | { ok: false; reason: 'fee-needs-quote'; sku: string };

/**
 * The in-housing and labelling fees of an inspected bundle. A unit is sized by its SKU's three sides; a SKU the
 * seller gave no size for is charged as the smallest class rather than guessed upward, and one bigger than the
 * largest class has no price in the schedule (the agreement quotes those case by case).
 */
export async function quoteInboundFees(trx: Transaction<HubDatabase>, branchCode: string, counts: readonly CountedUnits[]): Promise<InboundFeeQuote> {
  const schedule = await feeScheduleFor(trx, branchCode);
  const skus = [...new Set(counts.map((count) => count.sku))];
  const sizes = skus.length
    ? await trx.selectFrom('inventory_options').select(['sku', 'length_cm', 'width_cm', 'height_cm']).where('sku', 'in', skus).execute()
    : [];
  const sizeBySku = new Map(sizes.map((row) => [row.sku, row]));
  const lines: InboundFeeLine[] = [];
  for (const { sku, counted, unitsToLabel } of counts) {
    if (counted === 0) continue;
    const size = sizeBySku.get(sku);
    const known = size && size.length_cm !== null && size.width_cm !== null && size.height_cm !== null;
    const sizeClass = known ? unitSizeClass(size.length_cm! + size.width_cm! + size.height_cm!, schedule) : unitSizeClasses[0];
    if (!sizeClass) return { ok: false, reason: 'fee-needs-quote', sku };
    lines.push({ sizeClass, units: counted, unitsToLabel });
  }
  return { ok: true, fees: inboundFees(lines, schedule) };
}

export interface Charge {
  kind: 'in-housing' | 'labelling';
  amountJpy: number;
}

export type ChargeResult = { ok: true; balance: number } | { ok: false; reason: 'insufficient-balance'; balance: number };

/**
 * Takes the charges from the seller's Q-cash in the caller's transaction, or nothing when the balance does not
 * cover all of them. The balance is lowered by a guarded update so two charges racing cannot both pass the check.
 */
export async function chargeSeller(
  trx: Transaction<HubDatabase>,
  sellerId: string,
  charges: readonly Charge[],
  reference: string,
  now: Date,
): Promise<ChargeResult> {
  const total = charges.reduce((sum, charge) => sum + charge.amountJpy, 0);
  const seller = await trx.selectFrom('sellers').selectAll().where('id', '=', sellerId).executeTakeFirstOrThrow();
  if (!balanceCovers(seller.balance_jpy, total)) return { ok: false, reason: 'insufficient-balance', balance: seller.balance_jpy };
  if (total === 0) return { ok: true, balance: seller.balance_jpy };
  const lowered = await trx
    .updateTable('sellers')
    .set((eb) => ({ balance_jpy: eb('balance_jpy', '-', total) }))
    .where('id', '=', sellerId)
    .where('balance_jpy', '>=', total)
    .returning('balance_jpy')
    .executeTakeFirst();
  if (!lowered) {
    const current = await trx.selectFrom('sellers').select('balance_jpy').where('id', '=', sellerId).executeTakeFirstOrThrow();
    return { ok: false, reason: 'insufficient-balance', balance: current.balance_jpy };
  }
  const createdAt = now.toISOString();
  for (const charge of charges) {
    if (charge.amountJpy === 0) continue;
    await trx
      .insertInto('fee_charges')
      .values({ seller_id: sellerId, kind: charge.kind, amount_jpy: -charge.amountJpy, reference, created_at: createdAt })
      .execute();
  }
  await recordChange(
    trx,
    {
      entity: 'seller',
      entityId: sellerId,
      op: 'upsert',
      branchCode: null,
      sellerId,
      data: { id: sellerId, name: seller.name, balanceJpy: lowered.balance_jpy, suspended: seller.suspended === 1 },
    },
    now,
  );
  return { ok: true, balance: lowered.balance_jpy };
}
