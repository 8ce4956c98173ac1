import { inventoryRoutes as inventoryApi } from '../../../shared/hub/routes/inventory';
import { createInventoryItem, getInventoryItem, listInventoryItems, updateInventoryItem } from '../../services/inventory/inventory-items';
import { createOption, getOption, listOptions, updateOption } from '../../services/inventory/inventory-options';
import { linkListing, listLinks, unlinkListing } from '../../services/inventory/listing-links';
import { readStock } from '../../services/inventory/stock-read';
import type { HubRoutes } from '../build-app';
import { registerRoutes } from '../register-routes';
import { actingSeller, sellerFilter } from '../seller-scope';

export const inventoryRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  registerRoutes(app, inventoryApi, {
    'inventory.list': async (request) =>
      listInventoryItems(db, { sellerId: sellerFilter(request, request.query.sellerId), limit: request.query.limit, offset: request.query.offset }),

    'inventory.create': async (request) => {
      const { sellerId, ...item } = request.body;
      return createInventoryItem(db, { ...item, sellerId: actingSeller(request, sellerId) });
    },

    'inventory.get': async (request) => getInventoryItem(db, request.params.code, sellerFilter(request, undefined)),

    'inventory.update': async (request) => updateInventoryItem(db, request.params.code, sellerFilter(request, undefined), request.body),

    'inventory.options': async (request) => listOptions(db, request.params.code, sellerFilter(request, undefined)),

    'inventory.addOption': async (request) => createOption(db, request.params.code, sellerFilter(request, undefined), request.body),

    'skus.get': async (request) => getOption(db, request.params.sku, sellerFilter(request, undefined)),

    'skus.update': async (request) => updateOption(db, request.params.sku, sellerFilter(request, undefined), request.body),

    'skus.links': async (request) => listLinks(db, request.params.sku, sellerFilter(request, undefined)),

    'skus.link': async (request) => {
      // A listing without options is linked under the empty label.
      const link = { ...request.body, optionLabel: request.body.optionLabel ?? '' };
      return linkListing(db, request.params.sku, sellerFilter(request, undefined), link);
    },

    'skus.unlink': async (request) => {
      await unlinkListing(db, request.params.sku, sellerFilter(request, undefined), request.params.listingId);
      return null;
    },

    'stock.list': async (request) => {
      const { sellerId, sku, limit, offset } = request.query;
      return readStock(db, { sellerId: sellerFilter(request, sellerId), sku, limit, offset });
    },
  });
};
