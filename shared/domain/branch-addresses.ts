import { branches, type BranchCode } from './identifiers';

/** A postal address with its phone, as a label or a form prints it. */
export interface BranchAddress {
  postalCode: string;
  address: string;
  phone: string;
}

/**
 * The addresses a branch publishes, as the manual gives them for Qxpress Japan: inbound (入荷係, where sellers send
 * cargo) and customer service (CS係, where returns go). They are defaults: a station's `packing.sender` setting
 * overrides the shipping label's sender. The manual gives none for Seoul.
 */
export const branchAddresses: Partial<Record<BranchCode, { inbound: BranchAddress; returns: BranchAddress }>> = {
  [branches.qxpressJapan]: {
    inbound: { postalCode: '273-0017', address: '千葉県船橋市西浦3-4-2 (W05バース) Qxpress Corp 株式会社 入荷係', phone: '050-3189-7050' },
    returns: { postalCode: '273-0017', address: '千葉県船橋市西浦3-4-2 北エントランス 2F Qxpress CS係', phone: '050-3189-7080' },
  },
};
