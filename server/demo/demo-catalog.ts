/** What the demo sellers sell: Japanese names, several options each, some with a JAN, some linked to listings. */
export interface DemoItem {
  sellerId: string;
  name: string;
  sellerItemCode: string;
  listingId: string;
  /** `bin`: where the option is shelved at the Tokyo branch; deliberately not in SKU order, so a pick list's walk shows. */
  options: { name: string; sellerSkuCode: string; jan?: string; size: [number, number, number, number]; bin?: string }[];
}

export const demoCatalog: DemoItem[] = [
  {
    sellerId: 'sakura-shop',
    name: '今治タオル ハンドタオル',
    sellerItemCode: 'SK-TOWEL',
    listingId: '1100000001',
    options: [
      { name: 'カラー : 白', sellerSkuCode: 'SK-TOWEL-WH', jan: '4901234567894', size: [25, 25, 2, 80], bin: 'B-02-01-03' },
      { name: 'カラー : 紺', sellerSkuCode: 'SK-TOWEL-NV', size: [25, 25, 2, 80], bin: 'A-03-02-01' },
      { name: 'カラー : 桜色', sellerSkuCode: 'SK-TOWEL-PK', size: [25, 25, 2, 80], bin: 'C-01-01-02' },
    ],
  },
  {
    sellerId: 'sakura-shop',
    name: '有田焼 マグカップ',
    sellerItemCode: 'SK-MUG',
    listingId: '1100000002',
    options: [
      { name: '柄 : 藍染 / サイズ : M', sellerSkuCode: 'SK-MUG-AI-M', size: [12, 9, 10, 350], bin: 'A-01-04-02' },
      { name: '柄 : 藍染 / サイズ : L', sellerSkuCode: 'SK-MUG-AI-L', size: [13, 10, 11, 420], bin: 'B-01-03-01' },
    ],
  },
  {
    sellerId: 'fuji-apparel',
    name: 'コットン T シャツ',
    sellerItemCode: 'FJ-TEE',
    listingId: '1200000001',
    options: [
      { name: 'T-2 / サイズ : S', sellerSkuCode: 'FJ-TEE-S', size: [30, 22, 2, 180], bin: 'C-02-01-01' },
      { name: 'T-2 / サイズ : M', sellerSkuCode: 'FJ-TEE-M', size: [32, 24, 2, 190], bin: 'A-02-01-01' },
      { name: 'T-2 / サイズ : L', sellerSkuCode: 'FJ-TEE-L', size: [34, 26, 3, 200], bin: 'B-03-02-02' },
    ],
  },
];

export const demoRecipients = [
  { name: '山本 花子', phone: '090-1234-5678', postalCode: '273-0012', address: '千葉県船橋市浜町 2-1-1' },
  { name: '中村 大輔', phone: '03-1234-5678', postalCode: '100-0005', address: '東京都千代田区丸の内 1-9-1' },
  { name: '小林 美咲', phone: '06-6123-4567', postalCode: '530-0001', address: '大阪府大阪市北区梅田 3-1-3' },
] as const;
