import { describe, expect, it } from 'vitest';
import {
  japanesePhoneSchema,
  managementShipmentSchema,
  postalCodeSchema,
  qoo10PaidOrderSchema,
  type ManagementShipmentInput,
  type Qoo10PaidOrderInput,
} from '../../../shared/domain/orders';

const messages = (schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => issue.message);
const paths = (schema: { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[] }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => issue.path.join('.'));

const recipient = { name: '山田 太郎', phone: '090-1234-5678', postalCode: '108-0072', address: '東京都港区港南1-1-1 品川クリスタルスクエア' };

describe('postal code', () => {
  it('accepts 123-4567 and 1234567 and always gives 123-4567', () => {
    expect(postalCodeSchema.parse('108-0072')).toBe('108-0072');
    expect(postalCodeSchema.parse('1080072')).toBe('108-0072');
  });

  it('accepts full-width digits, a full-width or long dash, and a 〒 mark', () => {
    expect(postalCodeSchema.parse('１０８－００７２')).toBe('108-0072');
    expect(postalCodeSchema.parse('〒108\u22120072')).toBe('108-0072');
    expect(postalCodeSchema.parse('〒 273-0017 ')).toBe('273-0017');
  });

  it('refuses six or eight digits, a misplaced hyphen and letters with invalid-postal-code', () => {
    for (const text of ['123456', '12345678', '1234-567', '12-34567', 'ABC-DEFG', '']) {
      expect(messages(postalCodeSchema, text)).toEqual(['invalid-postal-code']);
    }
  });
});

describe('Japanese phone number', () => {
  it('keeps the digits of landline, mobile and free-dial numbers with their trunk 0', () => {
    expect(japanesePhoneSchema.parse('03-1234-5678')).toBe('0312345678');
    expect(japanesePhoneSchema.parse('090-1234-5678')).toBe('09012345678');
    expect(japanesePhoneSchema.parse('0120-123-456')).toBe('0120123456');
    expect(japanesePhoneSchema.parse('050-3189-7050')).toBe('05031897050');
  });

  it('normalises full-width digits, spaces and parentheses', () => {
    expect(japanesePhoneSchema.parse('０９０－１２３４－５６７８')).toBe('09012345678');
    expect(japanesePhoneSchema.parse('03(1234)5678')).toBe('0312345678');
    expect(japanesePhoneSchema.parse(' 03 1234 5678 ')).toBe('0312345678');
  });

  it('turns +81 into the trunk 0, with or without the (0) people write after it', () => {
    expect(japanesePhoneSchema.parse('+81-90-1234-5678')).toBe('09012345678');
    expect(japanesePhoneSchema.parse('+81 (0)3-1234-5678')).toBe('0312345678');
    expect(japanesePhoneSchema.parse('+81 50 3189 7050')).toBe('05031897050');
  });

  it('refuses numbers without a trunk 0, with 8 or 12 digits, or foreign numbers', () => {
    for (const text of ['65-1234-1234', '03-1234-567', '090-1234-56789', '+65 6123 4567', 'tel 0312345678', '']) {
      expect(messages(japanesePhoneSchema, text)).toEqual(['invalid-phone']);
    }
  });
});

describe('Qoo10 paid order line', () => {
  const order: Qoo10PaidOrderInput = {
    sellerId: 'test_shop',
    orderNo: '569895301',
    cartNo: '191000123',
    itemNo: '1000123456',
    option: { sku: '300001289771-00003', label: 'T-2 / サイズ : L' },
    quantity: 2,
    recipient,
    paidAt: '2024-11-05T15:59:00+09:00',
  };

  it('parses a full line, normalising the recipient and defaulting shipsWithin14Days to false', () => {
    const parsed = qoo10PaidOrderSchema.parse(order);
    expect(parsed.recipient.phone).toBe('09012345678');
    expect(parsed.shipsWithin14Days).toBe(false);
    expect(parsed.desiredShipDate).toBeUndefined();
    expect(qoo10PaidOrderSchema.parse({ ...order, shipsWithin14Days: true, desiredShipDate: '2024-11-10' }).desiredShipDate).toBe('2024-11-10');
  });

  it('accepts an unlinked option known only by its label, but not an option with neither', () => {
    expect(qoo10PaidOrderSchema.parse({ ...order, option: { label: 'サイズ XS' } }).option.sku).toBeUndefined();
    expect(messages(qoo10PaidOrderSchema, { ...order, option: {} })).toEqual(['option-missing']);
  });

  it('takes quantities 1 to 999 only', () => {
    expect(qoo10PaidOrderSchema.parse({ ...order, quantity: 999 }).quantity).toBe(999);
    for (const quantity of [0, 1000, 1.5, -1]) {
      expect(messages(qoo10PaidOrderSchema, { ...order, quantity })).toEqual(['invalid-quantity']);
    }
  });

  it('names each bad field by path and reason code', () => {
    const bad = { ...order, orderNo: 'A-1', paidAt: '2024-11-05 15:59', recipient: { ...recipient, name: '<b>x</b>', postalCode: '1' } };
    const issues = qoo10PaidOrderSchema.safeParse(bad).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining(['orderNo:invalid-order-no', 'paidAt:invalid-timestamp', 'recipient.name:markup', 'recipient.postalCode:invalid-postal-code']),
    );
    expect(issues).toHaveLength(4);
  });

  it('says required for a missing field', () => {
    const { cartNo: _cartNo, ...withoutCart } = order;
    expect(messages(qoo10PaidOrderSchema, withoutCart)).toEqual(['required']);
    expect(paths(qoo10PaidOrderSchema, withoutCart)).toEqual(['cartNo']);
  });
});

describe('management-number shipment', () => {
  const shipment: ManagementShipmentInput = {
    sellerId: 'test_shop',
    managementNo: '1407391',
    referenceOrderNo: 'AMZ-503-1234567',
    sku: '300001289771/00001',
    quantity: 1,
    recipient,
    deliveryMethod: 'yamato',
    registeredAt: '2024-11-05T12:30:00+09:00',
  };

  it('parses a shipment and normalises its SKU', () => {
    expect(managementShipmentSchema.parse(shipment).sku).toBe('300001289771-00001');
  });

  it('takes a delivery time only with Sagawa', () => {
    const deliveryTime = { date: '2024-11-06', slot: '14-16' as const };
    expect(managementShipmentSchema.parse({ ...shipment, deliveryMethod: 'sagawa', deliveryTime }).deliveryTime).toEqual(deliveryTime);
    expect(messages(managementShipmentSchema, { ...shipment, deliveryMethod: 'yamato', deliveryTime })).toEqual(['delivery-time-needs-sagawa']);
    expect(messages(managementShipmentSchema, { ...shipment, deliveryMethod: 'nekopos', deliveryTime })).toEqual(['delivery-time-needs-sagawa']);
  });

  it('takes a delivery date up to 2 Tokyo days after registration, not 3, and not before', () => {
    const sagawa = { ...shipment, deliveryMethod: 'sagawa' as const };
    expect(managementShipmentSchema.safeParse({ ...sagawa, deliveryTime: { date: '2024-11-07' } }).success).toBe(true);
    expect(messages(managementShipmentSchema, { ...sagawa, deliveryTime: { date: '2024-11-08' } })).toEqual(['delivery-time-too-far']);
    expect(messages(managementShipmentSchema, { ...sagawa, deliveryTime: { date: '2024-11-04' } })).toEqual(['delivery-time-in-past']);
  });

  it('counts the window from the Tokyo date: registered 23:30 JST (14:30 UTC) on 5 Nov allows 7 Nov', () => {
    const late = { ...shipment, deliveryMethod: 'sagawa' as const, registeredAt: '2024-11-05T14:30:00Z' };
    expect(managementShipmentSchema.safeParse({ ...late, deliveryTime: { date: '2024-11-07' } }).success).toBe(true);
    expect(messages(managementShipmentSchema, { ...late, deliveryTime: { date: '2024-11-08' } })).toEqual(['delivery-time-too-far']);
  });

  it('reports a malformed registration time once, without judging the delivery window against it', () => {
    const broken = { ...shipment, deliveryMethod: 'sagawa' as const, registeredAt: 'yesterday', deliveryTime: { date: '2024-11-06' } };
    expect(messages(managementShipmentSchema, broken)).toEqual(['invalid-timestamp']);
  });

  it('refuses an unknown time slot and an unknown delivery method', () => {
    const sagawa = { ...shipment, deliveryMethod: 'sagawa' as const };
    expect(messages(managementShipmentSchema, { ...sagawa, deliveryTime: { date: '2024-11-06', slot: '20-22' } })).toEqual(['invalid-time-slot']);
    expect(messages(managementShipmentSchema, { ...shipment, deliveryMethod: 'japan-post' })).toEqual(['invalid-parcel-service']);
  });
});
