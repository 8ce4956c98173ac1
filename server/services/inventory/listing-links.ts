import type { Kysely } from 'kysely';
import type { HubDatabase } from '../../storage/schema';
import { notFound, refuse } from '../refusal';
import { findOption } from './inventory-lookups';
import type { ListingLinkView } from './inventory-views';

/** The Qoo10 listings (and their option labels) an option is sold under: how a paid Qoo10 order finds its SKU. */

type Db = Kysely<HubDatabase>;

export async function linkListing(
  db: Db,
  sku: string,
  onlySeller: string | null,
  link: { listingId: string; title: string; optionLabel: string },
): Promise<ListingLinkView> {
  return db.transaction().execute(async (trx) => {
    const { sellerId } = await findOption(trx, sku, onlySeller);
    const listing = await trx.selectFrom('listings').selectAll().where('id', '=', link.listingId).executeTakeFirst();
    // Listing ids are Qoo10's and unique across sellers: one that is someone else's is a mistyped id.
    if (listing && listing.seller_id !== sellerId) throw refuse('duplicate', { what: 'listing', id: link.listingId });
    if (listing) await trx.updateTable('listings').set({ title: link.title }).where('id', '=', link.listingId).execute();
    else await trx.insertInto('listings').values({ id: link.listingId, seller_id: sellerId, title: link.title }).execute();
    const existing = await trx.selectFrom('listing_links').selectAll().where('listing_id', '=', link.listingId).execute();
    if (existing.some((row) => row.sku === sku)) throw refuse('duplicate', { what: 'listing link', id: `${link.listingId} → ${sku}` });
    // An order names a listing and an option label; two SKUs behind one label would leave the order ambiguous.
    const sameLabel = existing.find((row) => row.option_label === link.optionLabel);
    if (sameLabel) throw refuse('listing-option-linked', { listingId: link.listingId, optionLabel: link.optionLabel, sku: sameLabel.sku });
    await trx.insertInto('listing_links').values({ listing_id: link.listingId, sku, option_label: link.optionLabel }).execute();
    return { listingId: link.listingId, sku, title: link.title, optionLabel: link.optionLabel };
  });
}

export async function unlinkListing(db: Db, sku: string, onlySeller: string | null, listingId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await findOption(trx, sku, onlySeller);
    const removed = await trx.deleteFrom('listing_links').where('sku', '=', sku).where('listing_id', '=', listingId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('listing link', `${listingId} → ${sku}`);
  });
}

export async function listLinks(db: Db, sku: string, onlySeller: string | null): Promise<ListingLinkView[]> {
  await findOption(db, sku, onlySeller);
  const rows = await db
    .selectFrom('listing_links')
    .innerJoin('listings', 'listings.id', 'listing_links.listing_id')
    .select(['listing_links.listing_id', 'listing_links.sku', 'listing_links.option_label', 'listings.title'])
    .where('listing_links.sku', '=', sku)
    .orderBy('listing_links.listing_id')
    .execute();
  return rows.map((row) => ({ listingId: row.listing_id, sku: row.sku, title: row.title, optionLabel: row.option_label }));
}
