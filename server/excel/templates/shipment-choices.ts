import type { Choice } from '../column-rules';

/** The services a station can ship by (DESIGN §4); "一般" is what the manual's own form offers. */
export const deliveryMethods = [
  { value: 'general', spellings: ['General', '一般', '一般(可以运送追踪)', '一般(追跡可能)', '通常', 'Standard', '일반'] },
  { value: 'nekopos', spellings: ['Nekopos', 'ネコポス', '猫邮包', '네코포스'] },
  { value: 'yamato', spellings: ['Yamato', 'ヤマト', 'ヤマト宅急便', '宅急便', '雅玛多', '야마토'] },
  { value: 'sagawa', spellings: ['Sagawa', '佐川', '佐川急便', '사가와'] },
] as const satisfies readonly Choice<string>[];
export type DeliveryMethod = (typeof deliveryMethods)[number]['value'];

/** QWMS ships from its Japanese warehouse to Japanese addresses only; postal code and phone rules assume it. */
export const shippingCountries = [{ value: 'JP', spellings: ['JP', 'JP(Japan)', 'Japan', '日本', '일본'] }] as const satisfies readonly Choice<string>[];
export type ShippingCountry = (typeof shippingCountries)[number]['value'];

/**
 * The QWMS branches the manual tells sellers to write in the 分店 column, by name. Only Qxpress Japan's code
 * is printed in the manual (the inbound template's 0000011520), so only it is also accepted as a code.
 */
export const qwmsBranches = [
  { value: 'Qxpress JP Tokyo', spellings: ['Qxpress JP Tokyo', 'Qxpress Japan', 'Qxpress JP', '0000011520'] },
  { value: 'Qxpress KR Seoul', spellings: ['Qxpress KR Seoul'] },
  { value: 'Qxpress KR Incheon DPC', spellings: ['Qxpress KR Incheon DPC'] },
] as const satisfies readonly Choice<string>[];
export type QwmsBranch = (typeof qwmsBranches)[number]['value'];
