import type { InventoryCode, OptionCode } from '../../../shared/domain/identifiers';

/** What a caller sends to create or change a Q-inventory code or one of its options. */

export interface NewInventoryItem {
  sellerId: string;
  code?: InventoryCode;
  name: string;
  sellerItemCode?: string | null;
  separateInventory: boolean;
}

export interface InventoryItemPatch {
  name?: string;
  sellerItemCode?: string | null;
  separateInventory?: boolean;
}

export interface OptionFields {
  name: string;
  sellerSkuCode: string | null;
  extraPriceJpy: number;
  currency: 'JPY';
  jan: string | null;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  weightG: number | null;
}

export type NewOption = Partial<OptionFields> & { name: string; optionCode?: OptionCode };

export type OptionPatch = Partial<OptionFields>;
