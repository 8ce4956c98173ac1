import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { skuCard, skuLabelRun } from '../../../electron/station/catalog/sku-card';
import { StationStore } from '../../../electron/station/store/station-store';

const towel = '300000000001-00001';
let dir: string;
let store: StationStore;
const upsert = (entity: string, entityId: string, data: unknown) => ({ entity, entityId, op: 'upsert' as const, data });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-sku-card-'));
  store = new StationStore(dir);
  store.applyChanges(
    [
      upsert('seller', 'sakura-shop', { id: 'sakura-shop', name: 'さくら雑貨店' }),
      upsert('inventory-item', '300000000001', { code: '300000000001', name: '今治タオル' }),
      upsert('sku', towel, {
        sku: towel,
        inventoryCode: '300000000001',
        name: 'カラー : 白',
        sellerSkuCode: 'SK-TOWEL-WH',
        jan: '4901234567894',
        sellerId: 'sakura-shop',
        lengthCm: null,
        widthCm: null,
        heightCm: null,
        weightG: null,
      }),
    ],
    3,
  );
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SKU label screen’s lookup', () => {
  const card = {
    sku: towel,
    itemName: '今治タオル',
    optionName: 'カラー : 白',
    sellerId: 'sakura-shop',
    sellerName: 'さくら雑貨店',
    sellerSkuCode: 'SK-TOWEL-WH',
    jan: '4901234567894',
  };

  it('finds a SKU by its label (with the AIM prefix), its JAN or the seller SKU code, from the station’s own catalogue', () => {
    for (const code of [towel, `]C0${towel}`, '4901234567894', ' SK-TOWEL-WH ']) expect(skuCard(store, code), code).toEqual(card);
  });

  it('knows no unknown code, and shows the seller id until the shop’s name arrives', () => {
    expect(skuCard(store, 'NO-SUCH')).toBeNull();
    store.applyChanges(
      [
        upsert('sku', towel, {
          ...card,
          inventoryCode: '300000000001',
          name: 'カラー : 白',
          sellerId: 'new-shop',
          lengthCm: null,
          widthCm: null,
          heightCm: null,
          weightG: null,
        }),
      ],
      4,
    );
    expect(skuCard(store, towel)?.sellerName).toBe('new-shop');
  });

  it('prints the asked number of copies of one label', () => {
    expect(skuLabelRun(card, 7)).toEqual([{ sku: towel, itemName: '今治タオル', optionName: 'カラー : 白', sellerSkuCode: 'SK-TOWEL-WH', copies: 7 }]);
  });
});
