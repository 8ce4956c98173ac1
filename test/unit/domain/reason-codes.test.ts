import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { bundleStateSchema } from '../../../shared/domain/bundle-states';
import { defaultFeeSchedule, feeScheduleSchema } from '../../../shared/domain/fees';
import * as identifiers from '../../../shared/domain/identifiers';
import * as orders from '../../../shared/domain/orders';
import { parcelServiceSchema, sagawaTimeSlotSchema } from '../../../shared/domain/parcel-services';
import { reasonCodePattern } from '../../../shared/domain/reason-code';
import { movementKindSchema, stockMovementSchema } from '../../../shared/domain/stock-ledger';
import { plainTextSchema } from '../../../shared/domain/text';
import { tokyoDateSchema, tokyoMonthSchema } from '../../../shared/domain/tokyo-time';
import { trackingNumberSchema } from '../../../shared/domain/tracking-numbers';

/**
 * The hub shows refusals in four languages by looking codes up, so no schema here may ever answer with zod's
 * English default message. Each schema gets a valid example; the test breaks it at every depth with anything.
 */
const recipient = { name: '山田 太郎', phone: '090-1234-5678', postalCode: '108-0072', address: '東京都港区港南1-1-1' };
const examples: [string, z.ZodType, unknown][] = [
  ['sellerId', identifiers.sellerIdSchema, 'shop'],
  ['branchCode', identifiers.branchCodeSchema, '0000011520'],
  ['inventoryCode', identifiers.inventoryCodeSchema, '300001289771'],
  ['optionCode', identifiers.optionCodeSchema, '00003'],
  ['sku', identifiers.skuSchema, '300001289771-00003'],
  ['jan', identifiers.janSchema, '4006381333931'],
  ['yen', identifiers.yenSchema, 600],
  ['yenDelta', identifiers.yenDeltaSchema, -600],
  ['plainText', plainTextSchema(20), '山田'],
  ['tokyoDate', tokyoDateSchema, '2024-11-05'],
  ['tokyoMonth', tokyoMonthSchema, '2024-11'],
  ['bundleState', bundleStateSchema, 'arrived'],
  ['movementKind', movementKindSchema, 'pick'],
  ['stockMovement', stockMovementSchema, { kind: 'pick', quantity: -1 }],
  ['parcelService', parcelServiceSchema, 'sagawa'],
  ['sagawaTimeSlot', sagawaTimeSlotSchema, 'morning'],
  ['trackingNumber', trackingNumberSchema, '000000000136'],
  ['postalCode', orders.postalCodeSchema, '108-0072'],
  ['phone', orders.japanesePhoneSchema, '03-1234-5678'],
  ['recipient', orders.recipientSchema, recipient],
  [
    'qoo10PaidOrder',
    orders.qoo10PaidOrderSchema,
    {
      sellerId: 'shop',
      orderNo: '569895301',
      cartNo: '191000123',
      itemNo: '1000123456',
      option: { sku: '300001289771-00003', label: 'サイズ L' },
      quantity: 1,
      recipient,
      paidAt: '2024-11-05T15:59:00+09:00',
      desiredShipDate: '2024-11-06',
      shipsWithin14Days: true,
    },
  ],
  [
    'managementShipment',
    orders.managementShipmentSchema,
    {
      sellerId: 'shop',
      managementNo: '1407391',
      referenceOrderNo: 'R-1',
      sku: '300001289771-00001',
      quantity: 1,
      recipient,
      deliveryMethod: 'sagawa',
      deliveryTime: { date: '2024-11-06', slot: '14-16' },
      memo: 'fragile',
      registeredAt: '2024-11-05T12:30:00+09:00',
      desiredShipDate: '2024-11-05',
    },
  ],
  ['feeSchedule', feeScheduleSchema, defaultFeeSchedule],
];

/** Every path to a value inside `value`, the root included. */
function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const here = [prefix];
  if (value === null || typeof value !== 'object') return here;
  return here.concat(...Object.entries(value).map(([key, child]) => paths(child, [...prefix, key])));
}

function replaceAt(value: unknown, path: PropertyKey[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = { ...(value as Record<PropertyKey, unknown>) };
  copy[head as string] = replaceAt(copy[head as string], rest, replacement);
  return copy;
}

describe('every refusal is a reason code', () => {
  it.each(examples)('%s accepts its example', (_name, schema, example) => {
    expect(schema.safeParse(example).success).toBe(true);
  });

  it.each(examples)('%s answers anything put anywhere in its example with reason codes only', (_name, schema, example) => {
    const candidates = paths(example);
    fc.assert(
      fc.property(fc.constantFrom(...candidates), fc.anything({ withNullPrototype: false }), fc.boolean(), (path, junk, remove) => {
        const broken = replaceAt(example, path, remove ? undefined : junk);
        const result = schema.safeParse(broken);
        for (const issue of result.error?.issues ?? []) expect(issue.message, JSON.stringify(issue)).toMatch(reasonCodePattern);
      }),
      { numRuns: 300 },
    );
  });
});
