import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branches } from '../../shared/domain/identifiers';
import { placeSku } from '../../server/services/sku-locations';
import { postMovement } from '../../server/services/stock-ledger';
import { disableUser } from '../../server/services/users';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';
import { sellerWithSkus, stock } from '../support/order-fixtures';
import { balanceOf, person, pushingStation, type PushingStation } from '../support/stock-fixtures';

/** Cycle counts (the stock.counted floor event) as the hub applies them: once, counted − book, or refused whole. */
describe.each(hubStoreFactories())('cycle counts from the floor on $dialect', (factory) => {
  let hub: TestHub;
  let station: PushingStation;
  let supervisor: string;
  let otherSupervisor: string;
  let clerk: string;
  let shopCount = 0;
  const bin = 'C-01-02-03';

  const db = () => hub.hub.store.db;
  /** A fresh SKU with `units` sellable at Tokyo, shelved in `bin`. */
  const skuWith = async (units: number) => {
    const [sku] = (await sellerWithSkus(db(), `count-${++shopCount}`, 1)) as [string];
    if (units > 0) await stock(db(), sku, units);
    await placeSku(db(), { branchCode: tokyo, sku, bin, updatedBy: null });
    return sku;
  };
  const count = (
    sku: string,
    book: number,
    counted: number,
    more: Partial<{
      reason: 'damaged' | 'lost' | 'found' | 'count-correction' | 'other';
      note: string | null;
      secondApproverId: string | null;
      bin: string | null;
    }> = {},
  ) => ({
    sku,
    bin,
    book,
    counted,
    reason: 'count-correction' as const,
    note: null,
    secondApproverId: null,
    ...more,
  });
  const movementsOf = (sku: string) =>
    db().selectFrom('stock_movements').select(['kind', 'condition', 'quantity']).where('sku', '=', sku).where('kind', '!=', 'inbound').orderBy('id').execute();
  const countsOf = (sku: string) => db().selectFrom('stock_counts').selectAll().where('sku', '=', sku).execute();

  beforeAll(async () => {
    hub = await startTestHub(factory);
    station = await pushingStation(hub, 'count-tokyo', tokyo);
    supervisor = await person(hub, 'supervisor');
    otherSupervisor = await person(hub, 'supervisor');
    clerk = await person(hub, 'clerk');
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('applies a count once: the movement is counted − book, recorded with who counted, and a repeat changes nothing', async () => {
    const sku = await skuWith(12);
    const event = station.event('stock.counted', count(sku, 12, 9, { reason: 'lost' }), supervisor);
    expect((await station.push([event]))[0]).toMatchObject({ status: 'applied', reason: null });
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 9, damaged: 0 });
    expect(await movementsOf(sku)).toEqual([{ kind: 'adjustment', condition: 'sellable', quantity: -3 }]);
    expect(await countsOf(sku)).toMatchObject([
      { branch_code: tokyo, bin, book: 12, counted: 9, variance: -3, reason: 'lost', counted_by: supervisor, station_event_id: event.eventId },
    ]);

    // The station sends it again (its acknowledgement was lost): answered as a duplicate, applied once.
    expect((await station.push([event]))[0]).toMatchObject({ status: 'duplicate' });
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 9, damaged: 0 });
    expect(await countsOf(sku)).toHaveLength(1);
  });

  it('records a count that matches the book, with no movement', async () => {
    const sku = await skuWith(5);
    expect(await station.one('stock.counted', count(sku, 5, 5), supervisor)).toMatchObject({ status: 'applied' });
    expect(await movementsOf(sku)).toEqual([]);
    expect(await countsOf(sku)).toMatchObject([{ book: 5, counted: 5, variance: 0 }]);
  });

  it('counts a SKU being picked against what the counter saw: a pick applied meanwhile is not counted twice', async () => {
    const sku = await skuWith(10);
    // The counter saw 10; a pick of 2 reached the hub before the count did; 1 unit was missing besides.
    await db()
      .transaction()
      .execute((trx) => postMovement(trx, { sku, branchCode: tokyo, kind: 'pick', quantity: -2, reference: 'o-1' }));
    expect(await station.one('stock.counted', count(sku, 10, 9, { reason: 'lost' }), supervisor)).toMatchObject({ status: 'applied' });
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 7, damaged: 0 });
  });

  it('moves a damaged shortfall from sellable to damaged stock', async () => {
    const sku = await skuWith(8);
    expect(await station.one('stock.counted', count(sku, 8, 5, { reason: 'damaged' }), supervisor)).toMatchObject({ status: 'applied' });
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 5, damaged: 3 });
    expect(await movementsOf(sku)).toEqual([
      { kind: 'damage', condition: 'sellable', quantity: -3 },
      { kind: 'damage', condition: 'damaged', quantity: 3 },
    ]);
  });

  it('takes a variance above the threshold with a second supervisor, and records who approved', async () => {
    const sku = await skuWith(30);
    expect(await station.one('stock.counted', count(sku, 30, 15, { reason: 'lost', secondApproverId: otherSupervisor }), supervisor)).toMatchObject({
      status: 'applied',
    });
    expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 15, damaged: 0 });
    expect(await countsOf(sku)).toMatchObject([{ variance: -15, second_approver_id: otherSupervisor }]);
  });

  it('reads the two-badge threshold from QWMS_SECOND_BADGE_ABOVE', async () => {
    const sku = await skuWith(10);
    const before = process.env.QWMS_SECOND_BADGE_ABOVE;
    process.env.QWMS_SECOND_BADGE_ABOVE = '2';
    try {
      expect(await station.one('stock.counted', count(sku, 10, 7, { reason: 'lost' }), supervisor)).toMatchObject({
        status: 'rejected',
        reason: 'second-badge-required',
      });
      expect(await station.one('stock.counted', count(sku, 10, 8, { reason: 'lost' }), supervisor)).toMatchObject({ status: 'applied' });
    } finally {
      if (before === undefined) delete process.env.QWMS_SECOND_BADGE_ABOVE;
      else process.env.QWMS_SECOND_BADGE_ABOVE = before;
    }
  });

  describe('refuses bad counts with the reason, recording nothing', () => {
    const refusedCases: { name: string; reason: string; make: (sku: string) => { payload: ReturnType<typeof count>; user: () => string } }[] = [
      { name: 'a clerk counting', reason: 'event-user-role', make: (sku) => ({ payload: count(sku, 6, 4, { reason: 'lost' }), user: () => clerk }) },
      {
        name: 'a count that would make stock negative',
        reason: 'negative-stock',
        make: (sku) => ({ payload: count(sku, 10, 2, { reason: 'lost' }), user: () => supervisor }),
      },
      {
        name: 'a large variance with one badge',
        reason: 'second-badge-required',
        make: (sku) => ({ payload: count(sku, 6, 50, { reason: 'found' }), user: () => supervisor }),
      },
      {
        name: 'the second badge of the counter',
        reason: 'second-badge-same-person',
        make: (sku) => ({ payload: count(sku, 6, 50, { reason: 'found', secondApproverId: supervisor }), user: () => supervisor }),
      },
      {
        name: 'a clerk as second badge',
        reason: 'second-badge-not-supervisor',
        make: (sku) => ({ payload: count(sku, 6, 50, { reason: 'found', secondApproverId: clerk }), user: () => supervisor }),
      },
      {
        name: 'an unknown second badge',
        reason: 'second-badge-not-supervisor',
        make: (sku) => ({ payload: count(sku, 6, 5, { reason: 'lost', secondApproverId: 'u-nobody' }), user: () => supervisor }),
      },
      {
        name: 'a bin no SKU is shelved in',
        reason: 'unknown-bin',
        make: (sku) => ({ payload: count(sku, 6, 5, { reason: 'lost', bin: 'Z-99-99-99' }), user: () => supervisor }),
      },
      {
        name: 'a malformed bin',
        reason: 'bad-event-payload',
        make: (sku) => ({ payload: count(sku, 6, 5, { reason: 'lost', bin: 'shelf 3' }), user: () => supervisor }),
      },
      { name: 'an unknown SKU', reason: 'not-found', make: () => ({ payload: count('399999999999-00001', 6, 5, { reason: 'lost' }), user: () => supervisor }) },
      { name: 'a negative count', reason: 'bad-event-payload', make: (sku) => ({ payload: count(sku, 6, -1, { reason: 'lost' }), user: () => supervisor }) },
      {
        name: 'an absurd count',
        reason: 'bad-event-payload',
        make: (sku) => ({ payload: count(sku, 6, 50_000_000, { reason: 'found' }), user: () => supervisor }),
      },
      {
        name: 'other without a note',
        reason: 'bad-event-payload',
        make: (sku) => ({ payload: count(sku, 6, 5, { reason: 'other' }), user: () => supervisor }),
      },
      {
        name: 'damaged units found over the book',
        reason: 'damaged-count-over',
        make: (sku) => ({ payload: count(sku, 6, 7, { reason: 'damaged' }), user: () => supervisor }),
      },
    ];
    it.each(refusedCases)('$name: $reason', async ({ reason, make }) => {
      const sku = await skuWith(6);
      const { payload, user } = make(sku);
      const changes = await db()
        .selectFrom('changes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const result = await station.one('stock.counted', payload, user());
      expect(result).toMatchObject({ status: 'rejected', reason });
      expect(result.message).toBeTruthy();
      expect(await balanceOf(hub, sku, tokyo)).toEqual({ quantity: 6, damaged: 0 });
      expect(await movementsOf(sku)).toEqual([]);
      expect(await countsOf(sku)).toEqual([]);
      expect(
        await db()
          .selectFrom('changes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual(changes);
    });

    it('a disabled second supervisor, worded in the language of the station', async () => {
      const sku = await skuWith(6);
      const leaver = await person(hub, 'supervisor');
      await disableUser(db(), leaver);
      const result = await station.one('stock.counted', count(sku, 6, 30, { reason: 'found', secondApproverId: leaver }), supervisor, 'ja');
      expect(result).toMatchObject({ status: 'rejected', reason: 'second-badge-not-supervisor' });
      expect(result.message).toContain('現場責任者');
      expect(await countsOf(sku)).toEqual([]);
    });

    it("a count for another branch's stock: the station counts at its own branch only", async () => {
      const sku = await skuWith(0);
      await db()
        .transaction()
        .execute((trx) => postMovement(trx, { sku, branchCode: branches.qxpressKoreaSeoul, kind: 'inbound', quantity: 4, reference: 'test' }));
      // The Tokyo station has none of it: a shortfall there would go below zero, and Seoul's stock is untouched.
      expect(await station.one('stock.counted', count(sku, 4, 1, { reason: 'lost' }), supervisor)).toMatchObject({
        status: 'rejected',
        reason: 'negative-stock',
      });
      expect(await balanceOf(hub, sku, branches.qxpressKoreaSeoul)).toEqual({ quantity: 4, damaged: 0 });
    });
  });
});
