import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../server/services/users';
import { typeLikeScanner } from '../support/scanner-keyboard';
import { openStationPage, signInWithPin, type StationPage } from '../support/station-page';
import { feedbackKind, waitUntil } from '../support/wait-until';

let station: StationPage;
beforeAll(async () => {
  // About putaway, not burst timing: a wider key gap keeps a loaded machine's jitter from splitting the codes.
  station = await openStationPage({ wedgeSettings: { maxGapMs: 400, maxMedianGapMs: 60 } });
  await signInWithPin(station.page, 'u-clerk', '1111');
});
afterAll(async () => {
  await station?.close();
});

const tokyo = '0000011520';
const db = () => station.running.hub.store.db;
const feedback = () => feedbackKind(station.page);

/** The hub's own answer, as a supervisor's tool would read it over HTTP. */
async function hubBin(sku: string): Promise<string | null> {
  const { token } = await signIn(db(), { user: 'u-supervisor', pin: '3333' });
  const response = await fetch(new URL(`/api/v1/sku-locations?branchCode=${tokyo}&sku=${sku}`, station.running.hub.url), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const rows = (await response.json()) as { bin: string }[];
  return rows[0]?.bin ?? null;
}

describe('putaway (web mode, Chromium, demo warehouse)', () => {
  it('places a SKU by scanning it and then its bin, without a mouse, and the hub has the new bin', async () => {
    const { page } = station;
    const towel = await db().selectFrom('inventory_options').select('sku').where('seller_sku_code', '=', 'SK-TOWEL-WH').executeTakeFirstOrThrow();
    const mug = await db().selectFrom('inventory_options').select('sku').where('seller_sku_code', '=', 'SK-MUG-AI-L').executeTakeFirstOrThrow();
    expect(await hubBin(towel.sku)).toBe('B-02-01-03');

    // From the menu by keyboard: the putaway tile, Enter.
    await page.getByTestId('area-putaway').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('putaway').waitFor();
    await page.getByTestId('putaway-step').filter({ hasText: '商品をスキャンしてください' }).waitFor();

    // A bin with no SKU in hand is refused loudly.
    await typeLikeScanner(page, 'A-05-01-02\n');
    await page.getByTestId('putaway-result').filter({ hasText: '先に商品をスキャンしてください' }).waitFor();
    expect(await feedback()).toBe('bad');

    // The SKU by its JAN: held, with the bin it is in now. Another SKU replaces it; the towel again replaces that.
    await typeLikeScanner(page, '4901234567894\n');
    await page.getByTestId('putaway-pending-bin').filter({ hasText: 'B-02-01-03' }).waitFor();
    expect(await feedback()).toBe('good');
    await typeLikeScanner(page, `${mug.sku}\n`);
    await page.getByTestId('putaway-pending-bin').filter({ hasText: 'B-01-03-01' }).waitFor();
    await typeLikeScanner(page, `]C0${towel.sku}\n`);
    await page.getByTestId('putaway-pending-name').filter({ hasText: '今治タオル ハンドタオル カラー : 白' }).waitFor();
    await page.screenshot({ path: '/tmp/putaway-held.png' });

    // The bin: placed, shown as old → new, the done sound and colour.
    await typeLikeScanner(page, 'A-05-01-02\n');
    await page.getByTestId(`putaway-placed-${towel.sku}`).filter({ hasText: 'B-02-01-03 → A-05-01-02' }).waitFor();
    await page.getByTestId('putaway-result').filter({ hasText: 'B-02-01-03 → A-05-01-02 に登録しました' }).waitFor();
    expect(await feedback()).toBe('done');
    await page.getByTestId('putaway-step').filter({ hasText: '商品をスキャンしてください' }).waitFor();
    expect(await page.getByTestId('putaway-placed').locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: '/tmp/putaway.png' });

    await waitUntil(async () => (await hubBin(towel.sku)) === 'A-05-01-02', 'the hub to have the new bin');
    const row = await db().selectFrom('sku_locations').selectAll().where('branch_code', '=', tokyo).where('sku', '=', towel.sku).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ bin: 'A-05-01-02', updated_by: 'u-clerk' });

    // The lookup, by the seller's SKU code typed at a person's pace (a fast burst would be taken as a scan), Enter.
    await page.getByTestId('putaway-lookup').focus();
    await page.keyboard.type('SK-TOWEL-WH', { delay: 120 });
    await page.keyboard.press('Enter');
    await page.getByTestId('putaway-found').filter({ hasText: 'A-05-01-02' }).waitFor();

    expect(station.pageErrors).toEqual([]);
  });
});
