import { addDays, startOfTokyoDay, type TokyoDate } from '../../../shared/domain/tokyo-time';
import { tokyo } from '../../support/hub-fixtures';
import type { BulkLoader, BulkRow, BulkTable } from './bulk-load';

/** How much a year holds; the defaults give over 1,000,000 ledger movements and 200,000 orders. */
export interface HistoryScale {
  days: number;
  bundlesPerDay: number;
  linesPerBundle: number;
  ordersPerDay: number;
  adjustmentsPerDay: number;
}

export const defaultScale: HistoryScale = { days: 365, bundlesPerDay: 100, linesPerBundle: 20, ordersPerDay: 560, adjustmentsPerDay: 210 };

export interface HistoryTotals {
  bundles: number;
  lines: number;
  movements: number;
  orders: number;
  stationEvents: number;
}

const t = (name: string, columns: [string, 'text' | 'int8'][]): BulkTable => ({ name, columns: columns.map(([column, type]) => ({ name: column, pg: type })) });

const tables = {
  sellers: t('sellers', [
    ['id', 'text'],
    ['name', 'text'],
    ['balance_jpy', 'int8'],
    ['suspended', 'int8'],
    ['created_at', 'text'],
  ]),
  items: t('inventory_items', [
    ['code', 'text'],
    ['seller_id', 'text'],
    ['name', 'text'],
    ['separate_inventory', 'int8'],
    ['created_at', 'text'],
  ]),
  options: t('inventory_options', [
    ['sku', 'text'],
    ['inventory_code', 'text'],
    ['option_code', 'text'],
    ['name', 'text'],
    ['extra_price_jpy', 'int8'],
    ['currency', 'text'],
    ['created_at', 'text'],
  ]),
  balances: t('stock_balances', [
    ['sku', 'text'],
    ['branch_code', 'text'],
    ['quantity', 'int8'],
  ]),
  users: t('users', [
    ['id', 'text'],
    ['name', 'text'],
    ['role', 'text'],
    ['pin_hash', 'text'],
    ['created_at', 'text'],
  ]),
  stations: t('stations', [
    ['id', 'text'],
    ['name', 'text'],
    ['branch_code', 'text'],
    ['secret_hash', 'text'],
    ['created_at', 'text'],
  ]),
  bundles: t('cargo_bundles', [
    ['id', 'text'],
    ['seller_id', 'text'],
    ['branch_code', 'text'],
    ['state', 'text'],
    ['estimated_arrival', 'text'],
    ['boxes_received', 'int8'],
    ['arrived_at', 'text'],
    ['completed_at', 'text'],
    ['hold_reason', 'text'],
    ['reject_reason', 'text'],
    ['created_at', 'text'],
    ['updated_at', 'text'],
  ]),
  lines: t('inbound_lines', [
    ['id', 'text'],
    ['seller_id', 'text'],
    ['sku', 'text'],
    ['branch_code', 'text'],
    ['quantity', 'int8'],
    ['bundle_id', 'text'],
    ['counted', 'int8'],
    ['created_at', 'text'],
  ]),
  findings: t('inspection_findings', [
    ['bundle_id', 'text'],
    ['station_event_id', 'text'],
    ['kind', 'text'],
    ['line_id', 'text'],
    ['code', 'text'],
    ['quantity', 'int8'],
    ['created_at', 'text'],
  ]),
  movements: t('stock_movements', [
    ['sku', 'text'],
    ['branch_code', 'text'],
    ['kind', 'text'],
    ['quantity', 'int8'],
    ['reference', 'text'],
    ['created_at', 'text'],
    ['occurred_at', 'text'],
  ]),
  orders: t('orders', [
    ['id', 'text'],
    ['seller_id', 'text'],
    ['source', 'text'],
    ['order_no', 'text'],
    ['cart_no', 'text'],
    ['sku', 'text'],
    ['quantity', 'int8'],
    ['recipient_name', 'text'],
    ['recipient_phone', 'text'],
    ['postal_code', 'text'],
    ['address', 'text'],
    ['paid_at', 'text'],
    ['ships_within_14_days', 'int8'],
    ['state', 'text'],
    ['branch_code', 'text'],
    ['allocated_at', 'text'],
    ['tracking_no', 'text'],
    ['service', 'text'],
    ['picked_at', 'text'],
    ['packed_at', 'text'],
    ['shipped_at', 'text'],
    ['created_at', 'text'],
  ]),
  events: t('station_events', [
    ['event_id', 'text'],
    ['station_id', 'text'],
    ['station_seq', 'int8'],
    ['kind', 'text'],
    ['payload', 'text'],
    ['outcome', 'text'],
    ['applied_at', 'text'],
    ['occurred_at', 'text'],
    ['user_id', 'text'],
    ['floor_at', 'text'],
  ]),
};

const sellerCount = 50;
const skusPerSeller = 40;
const services = ['nekopos', 'yamato', 'sagawa'];
const minute = 60_000;

/**
 * A year of one branch's history up to and including `today`, written in bulk: bundles (most completed the day they
 * arrived, the last days' partly open, a few held or rejected) with their lines, inbound movements and inspection
 * events; orders (paid through the day; those of the last day still open, the rest shipped) with their pick, pack and
 * ship events and pick movements; and stock adjustments. Times are spread over each Tokyo day.
 */
export async function loadYearOfHistory(loader: BulkLoader, today: TokyoDate, scale: HistoryScale = defaultScale): Promise<HistoryTotals> {
  const created = startOfTokyoDay(addDays(today, -scale.days)).toISOString();
  const iso = (ms: number) => new Date(ms).toISOString();
  const buffers = new Map<BulkTable, BulkRow[]>();
  const totals: HistoryTotals = { bundles: 0, lines: 0, movements: 0, orders: 0, stationEvents: 0 };
  const put = async (table: BulkTable, row: BulkRow) => {
    let rows = buffers.get(table);
    if (!rows) buffers.set(table, (rows = []));
    rows.push(row);
    // Everything at once, parents before children (the tables' order), so no foreign key waits for its row.
    if (rows.length >= 20_000) for (const each of Object.values(tables)) await flush(each);
  };
  const flush = async (table: BulkTable) => {
    const rows = buffers.get(table);
    if (rows?.length) await loader.insert(table, rows.splice(0));
  };

  const skus: { sku: string; sellerId: string }[] = [];
  for (let s = 0; s < sellerCount; s++) {
    const sellerId = `bench-seller-${s}`;
    await put(tables.sellers, [sellerId, `ベンチ店 ${s}`, 1_000_000, 0, created]);
    for (let i = 0; i < skusPerSeller; i++) {
      const code = `3${String(s).padStart(3, '0')}${String(i).padStart(8, '0')}`;
      await put(tables.items, [code, sellerId, `商品 ${s}-${i}`, 1, created]);
      const sku = `${code}-00001`;
      await put(tables.options, [sku, code, '00001', 'フリー', 0, 'JPY', created]);
      await put(tables.balances, [sku, tokyo, 100_000]);
      skus.push({ sku, sellerId });
    }
  }
  const users = Array.from({ length: 20 }, (_, i) => `bench-user-${i}`);
  for (const [i, id] of users.entries()) await put(tables.users, [id, `作業者 ${i}`, i < 10 ? 'clerk' : 'packer', 'x', created]);
  const stations = Array.from({ length: 6 }, (_, i) => `bench-station-${i}`);
  for (const id of stations) await put(tables.stations, [id, id, tokyo, 'x', created]);
  for (const table of Object.values(tables).slice(0, 6)) await flush(table);

  const seq = new Map<string, number>(stations.map((id) => [id, 0]));
  let eventSerial = 0;
  const event = async (stationId: string, kind: string, payload: unknown, at: string, userId: string) => {
    const next = seq.get(stationId)! + 1;
    seq.set(stationId, next);
    const eventId = `00000000-0000-4000-8000-${(++eventSerial).toString(16).padStart(12, '0')}`;
    await put(tables.events, [eventId, stationId, next, kind, JSON.stringify(payload), 'applied', at, at, userId, at]);
    totals.stationEvents++;
    return eventId;
  };

  let bundleSerial = 0;
  let orderSerial = 0;
  for (let d = scale.days - 1; d >= 0; d--) {
    const date = addDays(today, -d);
    const dayStart = startOfTokyoDay(date).getTime();
    const recent = d <= 1;

    for (let i = 0; i < scale.bundlesPerDay; i++) {
      const n = ++bundleSerial;
      const id = `IB${String(n).padStart(8, '0')}`;
      const sellerIndex = n % sellerCount;
      const sellerId = `bench-seller-${sellerIndex}`;
      const arrived = dayStart + 8 * 60 * minute + i * 5 * minute;
      const open = recent && i % 3 === 0;
      const held = d <= 4 && i % 89 === 5;
      const rejected = !open && !held && i % 97 === 7;
      const completed = !open && !held && !rejected ? arrived + 2 * 60 * minute : null;
      const state = rejected ? 'rejected' : completed ? 'completed' : 'arrived';
      const updated = iso(completed ?? arrived + 60 * minute);
      await put(tables.bundles, [
        id,
        sellerId,
        tokyo,
        state,
        date,
        1,
        iso(arrived),
        completed ? iso(completed) : null,
        held ? 'insufficient-balance' : null,
        rejected ? 'mixed' : null,
        created,
        updated,
      ]);
      totals.bundles++;
      const station = stations[n % 3]!;
      const clerk = users[n % 10]!;
      await event(station, 'bundle.arrived', { bundleId: id, boxesReceived: 1 }, iso(arrived), clerk);
      if (rejected) continue;
      const reasons: { lineId: string; reason: string; note: null }[] = [];
      for (let j = 0; j < scale.linesPerBundle; j++) {
        const lineId = `${id}-${j}`;
        const { sku } = skus[sellerIndex * skusPerSeller + ((n + j) % skusPerSeller)]!;
        const counted = open ? null : j % 17 === 3 ? 9 : j % 19 === 4 ? 11 : 10;
        await put(tables.lines, [lineId, sellerId, sku, tokyo, 10, id, counted, created]);
        totals.lines++;
        if (counted === null) continue;
        await event(station, 'inspection.counted', { bundleId: id, lineId, quantity: counted, source: 'key' }, iso(arrived + 10 * minute + j * 3000), clerk);
        if (counted !== 10) reasons.push({ lineId, reason: counted < 10 ? 'short' : 'over', note: null });
        if (completed) {
          await put(tables.movements, [sku, tokyo, 'inbound', counted, id, iso(completed), iso(completed)]);
          totals.movements++;
        }
      }
      if (completed) {
        const finished = await event(station, 'inspection.finished', { bundleId: id, reasons }, iso(completed), clerk);
        for (const reason of reasons)
          await put(tables.findings, [id, finished, 'line-reason', reason.lineId, reason.reason, reason.reason === 'short' ? -1 : 1, iso(completed)]);
      }
    }

    for (let i = 0; i < scale.ordersPerDay; i++) {
      const n = ++orderSerial;
      const { sku, sellerId } = skus[n % skus.length]!;
      const paid = dayStart + Math.floor((i * 24 * 60 * minute) / scale.ordersPerDay);
      // The last day's orders are still on the floor, in every state; the rest left 4 hours after payment.
      const step = d === 0 ? i % 5 : 5;
      const state = ['paid', 'allocated', 'picked', 'packed', 'allocated', 'in_transit'][step]!;
      const at = (hours: number, reached: boolean) => (reached ? iso(paid + hours * 60 * minute) : null);
      const allocated = at(0.5, step >= 1);
      const picked = at(2, step >= 2 && step !== 4);
      const packed = at(3, step >= 3 && step !== 4);
      const shipped = at(4, step === 5);
      const trackingNo = packed ? `5${String(n).padStart(11, '0')}` : null;
      const service = packed ? services[n % 3]! : null;
      const id = `bench-order-${n}`;
      await put(tables.orders, [
        id,
        sellerId,
        n % 10 === 0 ? 'management' : 'qoo10',
        String(100_000_000 + n),
        String(100_000_000 + n),
        sku,
        1,
        '山田 太郎',
        '09012345678',
        '273-0012',
        '千葉県船橋市浜町 2-1-1',
        iso(paid),
        0,
        state,
        step >= 1 ? tokyo : null,
        allocated,
        trackingNo,
        service,
        picked,
        packed,
        shipped,
        iso(paid),
      ]);
      totals.orders++;
      const station = stations[3 + (n % 3)]!;
      const packer = users[10 + (n % 10)]!;
      if (picked) await event(station, 'order.picked', { orderId: id, sku, quantity: 1 }, picked, packer);
      if (packed) await event(station, 'order.packed', { orderId: id, service, timeSlot: null, trackingNumber: trackingNo }, packed, packer);
      if (shipped) {
        await event(station, 'order.shipped', { orderId: id, trackingNumber: trackingNo }, shipped, packer);
        await put(tables.movements, [sku, tokyo, 'pick', -1, id, shipped, shipped]);
        totals.movements++;
      }
    }

    for (let i = 0; i < scale.adjustmentsPerDay; i++) {
      const at = iso(dayStart + 9 * 60 * minute + i * 2 * minute);
      await put(tables.movements, [skus[(i * 13 + d) % skus.length]!.sku, tokyo, 'adjustment', i % 2 === 0 ? 1 : -1, 'count', at, at]);
      totals.movements++;
    }
  }
  for (const table of Object.values(tables)) await flush(table);
  return totals;
}
