import type { SkuLabelInput } from '../../../electron/station/printing/sku-label';

/** Labels as the floor prints them: Japanese item names, option axes, seller codes, and one without options. */
export const towel: SkuLabelInput = {
  sku: '300001289771-00003',
  itemName: 'ボディタオル 泡立ち 日本製 やわらかコットン',
  optionName: 'T-2 / サイズ : L',
  sellerSkuCode: 'TOWEL-BODY-L',
  copies: 3,
};

export const mug: SkuLabelInput = {
  sku: '300001289772-00001',
  itemName: '有田焼 マグカップ 藍染め 食洗機対応',
  optionName: 'カラー : 藍 / 容量 : 300ml',
  sellerSkuCode: 'ARITA-MUG-300',
  copies: 2,
};

export const plainBag: SkuLabelInput = {
  sku: '300001300015-00001',
  itemName: 'エコバッグ 折りたたみ',
  optionName: '',
  sellerSkuCode: null,
  copies: 1,
};

/** Long enough that it must be shrunk and wrapped, short enough to fit whole at the smallest size. */
export const longButFits: SkuLabelInput = {
  sku: '300001300016-00002',
  itemName: '【送料無料】ボディタオル 泡立ち 日本製 やわらかコットン 敏感肌にもやさしい 天然素材',
  optionName: 'サイズ : フリー',
  sellerSkuCode: 'TOWEL-FREE',
  copies: 1,
};

/** Longer than any label can hold: it has to end in an ellipsis, with a warning. */
export const tooLong: SkuLabelInput = {
  sku: '300001300017-00004',
  itemName: `${'【送料無料】超ロング商品名 ボディタオル 泡立ち 日本製 やわらかコットン 敏感肌にもやさしい 天然素材 '.repeat(3)}最後の言葉`,
  optionName: 'カラー : ホワイト / サイズ : フリー / 素材 : オーガニックコットン100% / 生産国 : 日本 / ギフト包装 : あり',
  sellerSkuCode: 'TOWEL-GIFT-WHITE-FREE-ORGANIC',
  copies: 1,
};

export const everyLabel = [towel, mug, plainBag, longButFits];

/** The SKU each physical label carries, in print order (copies repeated). */
export function expectedSkus(labels: readonly SkuLabelInput[]): string[] {
  return labels.flatMap((label) => Array.from({ length: label.copies }, () => label.sku));
}
