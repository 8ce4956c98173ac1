import { z } from 'zod';
import { inventoryCodeSchema, janSchema, optionCodeSchema, sellerIdSchema, skuSchema, yenSchema } from '../../../shared/domain/identifiers';
import { qoo10ItemNoSchema } from '../../../shared/domain/orders';
import { plainTextSchema } from '../../../shared/domain/text';
import { createInventoryItem, getInventoryItem, listInventoryItems, updateInventoryItem } from '../../services/inventory/inventory-items';
import { createOption, getOption, listOptions, updateOption } from '../../services/inventory/inventory-options';
import { linkListing, listLinks, unlinkListing } from '../../services/inventory/listing-links';
import { readStock } from '../../services/inventory/stock-read';
import type { HubRoutes } from '../build-app';
import { office, staff } from '../route-policy';
import { actingSeller, sellerFilter } from '../seller-scope';

/** The floor reads Q-inventory to receive, label and pick; sellers and the office maintain it. */
const readers = [...staff, 'seller'] as const;
const writers = [...office, 'seller'] as const;

// A unit bigger than 3 m or heavier than 100 kg is a typing mistake, not a parcel any service here carries.
const dimensionCm = z
  .number({ error: 'invalid-dimension' })
  .positive({ error: 'invalid-dimension' })
  .max(300, { error: 'dimension-too-large' })
  .refine((cm) => Math.abs(cm * 10 - Math.round(cm * 10)) < 1e-9, { error: 'dimension-precision' });
const weightG = z.int({ error: 'invalid-weight' }).min(1, { error: 'invalid-weight' }).max(100_000, { error: 'weight-too-large' });

const optionFields = {
  name: plainTextSchema(200),
  sellerSkuCode: plainTextSchema(50).nullable(),
  extraPriceJpy: yenSchema.max(10_000_000, { error: 'price-too-large' }),
  currency: z.literal('JPY', { error: 'invalid-currency' }),
  jan: janSchema.nullable(),
  lengthCm: dimensionCm.nullable(),
  widthCm: dimensionCm.nullable(),
  heightCm: dimensionCm.nullable(),
  weightG: weightG.nullable(),
};

const newOptionSchema = z
  .object({
    optionCode: optionCodeSchema.optional(),
    name: optionFields.name,
    sellerSkuCode: optionFields.sellerSkuCode.optional(),
    extraPriceJpy: optionFields.extraPriceJpy.optional(),
    currency: optionFields.currency.optional(),
    jan: optionFields.jan.optional(),
    lengthCm: optionFields.lengthCm.optional(),
    widthCm: optionFields.widthCm.optional(),
    heightCm: optionFields.heightCm.optional(),
    weightG: optionFields.weightG.optional(),
  })
  .strict();

const optionPatchSchema = z
  .object(Object.fromEntries(Object.entries(optionFields).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof typeof optionFields]: z.ZodOptional<(typeof optionFields)[K]> })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'nothing-to-change' });

const branchQuantitySchema = z.object({ branchCode: z.string(), quantity: z.int() });

const optionSchema = z.object({
  sku: z.string(),
  inventoryCode: z.string(),
  optionCode: z.string(),
  name: z.string(),
  sellerSkuCode: z.string().nullable(),
  extraPriceJpy: z.int(),
  currency: z.literal('JPY'),
  jan: z.string().nullable(),
  lengthCm: z.number().nullable(),
  widthCm: z.number().nullable(),
  heightCm: z.number().nullable(),
  weightG: z.int().nullable(),
  totalQuantity: z.int(),
  branchQuantities: z.array(branchQuantitySchema),
  linkedProductCount: z.int(),
  createdAt: z.string(),
});

const itemSchema = z.object({
  code: z.string(),
  sellerId: z.string(),
  name: z.string(),
  sellerItemCode: z.string().nullable(),
  separateInventory: z.boolean(),
  createdAt: z.string(),
  options: z.array(optionSchema),
});

const linkSchema = z.object({ listingId: z.string(), sku: z.string(), title: z.string(), optionLabel: z.string() });

const stockSchema = z.object({
  sku: z.string(),
  sellerId: z.string(),
  inventoryName: z.string(),
  optionName: z.string(),
  sellerSkuCode: z.string().nullable(),
  totalQuantity: z.int(),
  branchQuantities: z.array(branchQuantitySchema),
});

const page = { limit: z.coerce.number().int().min(1).max(1000).default(200), offset: z.coerce.number().int().min(0).default(0) };
const codeParams = z.object({ code: inventoryCodeSchema });
const skuParams = z.object({ sku: skuSchema });

export const inventoryRoutes: HubRoutes = (app, store) => {
  const { db } = store;

  app.get(
    '/api/v1/inventory',
    {
      config: { roles: readers },
      schema: {
        summary: 'Q-inventory codes with their options, stock per branch and linked-product counts (a seller sees its own).',
        querystring: z.object({ sellerId: z.string().max(50).optional(), ...page }),
        response: { 200: z.array(itemSchema) },
      },
    },
    async (request) => listInventoryItems(db, { sellerId: sellerFilter(request, request.query.sellerId), limit: request.query.limit, offset: request.query.offset }),
  );

  app.post(
    '/api/v1/inventory',
    {
      config: { roles: writers },
      schema: {
        summary: 'Create a Q-inventory code; without `code` the hub issues the next free one.',
        body: z
          .object({
            sellerId: sellerIdSchema.optional(),
            code: inventoryCodeSchema.optional(),
            name: plainTextSchema(200),
            sellerItemCode: plainTextSchema(50).nullable().optional(),
            separateInventory: z.boolean().default(true),
          })
          .strict(),
        response: { 201: itemSchema },
      },
    },
    async (request, reply) => {
      const { sellerId, ...item } = request.body;
      return reply.status(201).send(await createInventoryItem(db, { ...item, sellerId: actingSeller(request, sellerId) }));
    },
  );

  app.get(
    '/api/v1/inventory/:code',
    { config: { roles: readers }, schema: { summary: 'One Q-inventory code with its options.', params: codeParams, response: { 200: itemSchema } } },
    async (request) => getInventoryItem(db, request.params.code, sellerFilter(request, undefined)),
  );

  app.patch(
    '/api/v1/inventory/:code',
    {
      config: { roles: writers },
      schema: {
        summary: 'Edit the name, seller item code or the separate-inventory-management flag of a Q-inventory code.',
        params: codeParams,
        body: z
          .object({ name: plainTextSchema(200).optional(), sellerItemCode: plainTextSchema(50).nullable().optional(), separateInventory: z.boolean().optional() })
          .strict()
          .refine((patch) => Object.keys(patch).length > 0, { error: 'nothing-to-change' }),
        response: { 200: itemSchema },
      },
    },
    async (request) => updateInventoryItem(db, request.params.code, sellerFilter(request, undefined), request.body),
  );

  app.get(
    '/api/v1/inventory/:code/options',
    { config: { roles: readers }, schema: { summary: 'The options (SKUs) of a Q-inventory code.', params: codeParams, response: { 200: z.array(optionSchema) } } },
    async (request) => listOptions(db, request.params.code, sellerFilter(request, undefined)),
  );

  app.post(
    '/api/v1/inventory/:code/options',
    {
      config: { roles: writers },
      schema: {
        summary: 'Add an option (SKU); without `optionCode` the hub issues the next free one.',
        params: codeParams,
        body: newOptionSchema,
        response: { 201: optionSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createOption(db, request.params.code, sellerFilter(request, undefined), request.body)),
  );

  app.get(
    '/api/v1/skus/:sku',
    { config: { roles: readers }, schema: { summary: 'One SKU (e.g. 300001289771-00003) with its stock and linked-product count.', params: skuParams, response: { 200: optionSchema } } },
    async (request) => getOption(db, request.params.sku, sellerFilter(request, undefined)),
  );

  app.patch(
    '/api/v1/skus/:sku',
    {
      config: { roles: writers },
      schema: {
        summary: 'Edit a SKU: name, seller SKU code, extra price (JPY), JAN, dimensions (cm) and weight (g); null clears an optional field.',
        params: skuParams,
        body: optionPatchSchema,
        response: { 200: optionSchema },
      },
    },
    async (request) => updateOption(db, request.params.sku, sellerFilter(request, undefined), request.body),
  );

  app.get(
    '/api/v1/skus/:sku/links',
    { config: { roles: readers }, schema: { summary: 'The Qoo10 listings linked to a SKU.', params: skuParams, response: { 200: z.array(linkSchema) } } },
    async (request) => listLinks(db, request.params.sku, sellerFilter(request, undefined)),
  );

  app.post(
    '/api/v1/skus/:sku/links',
    {
      config: { roles: writers },
      schema: {
        summary: 'Link a Qoo10 listing option to a SKU, so its orders can be allocated.',
        params: skuParams,
        body: z.object({ listingId: qoo10ItemNoSchema, title: plainTextSchema(200), optionLabel: plainTextSchema(200).optional() }).strict(),
        response: { 201: linkSchema },
      },
    },
    async (request, reply) => {
      // A listing without options is linked under the empty label.
      const link = { ...request.body, optionLabel: request.body.optionLabel ?? '' };
      return reply.status(201).send(await linkListing(db, request.params.sku, sellerFilter(request, undefined), link));
    },
  );

  app.delete(
    '/api/v1/skus/:sku/links/:listingId',
    {
      config: { roles: writers },
      schema: { summary: 'Unlink a Qoo10 listing from a SKU.', params: z.object({ sku: skuSchema, listingId: qoo10ItemNoSchema }), response: { 204: z.null().describe('Unlinked.') } },
    },
    async (request, reply) => {
      await unlinkListing(db, request.params.sku, sellerFilter(request, undefined), request.params.listingId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/stock',
    {
      config: { roles: [...readers, 'station'] },
      schema: {
        summary: 'Stock per SKU and branch (a seller sees its own); used by `qwms stock`.',
        querystring: z.object({ sellerId: z.string().max(50).optional(), sku: skuSchema.optional(), ...page }),
        response: { 200: z.array(stockSchema) },
      },
    },
    async (request) => {
      const { sellerId, sku, limit, offset } = request.query;
      return readStock(db, { sellerId: sellerFilter(request, sellerId), sku, limit, offset });
    },
  );
};
