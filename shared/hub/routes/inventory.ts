import { z } from 'zod';
import { inventoryCodeSchema, janSchema, optionCodeSchema, sellerIdSchema, skuSchema, yenSchema } from '../../domain/identifiers';
import { qoo10ItemNoSchema } from '../../domain/orders';
import { plainTextSchema } from '../../domain/text';
import { hubRoute, office, staff } from '../route';

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

export const newOptionSchema = z
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

export const optionPatchSchema = z
  .object(
    Object.fromEntries(Object.entries(optionFields).map(([key, schema]) => [key, schema.optional()])) as {
      [K in keyof typeof optionFields]: z.ZodOptional<(typeof optionFields)[K]>;
    },
  )
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { error: 'nothing-to-change' });

/** A SKU's stock at a branch: `quantity` sellable units (what allocation uses), `damaged` units held apart. */
const branchQuantitySchema = z.object({ branchCode: z.string(), quantity: z.int(), damaged: z.int() });

export const optionSchema = z.object({
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
  /** Damaged units over all branches, not counted in totalQuantity. */
  totalDamaged: z.int(),
  branchQuantities: z.array(branchQuantitySchema),
  linkedProductCount: z.int(),
  createdAt: z.string(),
});

export const inventoryItemSchema = z.object({
  code: z.string(),
  sellerId: z.string(),
  name: z.string(),
  sellerItemCode: z.string().nullable(),
  separateInventory: z.boolean(),
  createdAt: z.string(),
  options: z.array(optionSchema),
});

export const listingLinkSchema = z.object({ listingId: z.string(), sku: z.string(), title: z.string(), optionLabel: z.string() });

export const stockSchema = z.object({
  sku: z.string(),
  sellerId: z.string(),
  inventoryName: z.string(),
  optionName: z.string(),
  sellerSkuCode: z.string().nullable(),
  totalQuantity: z.int(),
  totalDamaged: z.int(),
  branchQuantities: z.array(branchQuantitySchema),
});

const page = { limit: z.coerce.number().int().min(1).max(1000).default(200), offset: z.coerce.number().int().min(0).default(0) };
const codeParams = z.object({ code: inventoryCodeSchema });
const skuParams = z.object({ sku: skuSchema });

/** Q-inventory codes, their options (SKUs), listing links and stock. */
export const inventoryRoutes = {
  'inventory.list': hubRoute({
    method: 'GET',
    path: '/api/v1/inventory',
    roles: readers,
    summary: 'Q-inventory codes with their options, stock per branch and linked-product counts (a seller sees its own).',
    query: z.object({ sellerId: z.string().max(50).optional(), ...page }),
    status: 200,
    response: z.array(inventoryItemSchema),
  }),
  'inventory.create': hubRoute({
    method: 'POST',
    path: '/api/v1/inventory',
    roles: writers,
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
    status: 201,
    response: inventoryItemSchema,
  }),
  'inventory.get': hubRoute({
    method: 'GET',
    path: '/api/v1/inventory/:code',
    roles: readers,
    summary: 'One Q-inventory code with its options.',
    params: codeParams,
    status: 200,
    response: inventoryItemSchema,
  }),
  'inventory.update': hubRoute({
    method: 'PATCH',
    path: '/api/v1/inventory/:code',
    roles: writers,
    summary: 'Edit the name, seller item code or the separate-inventory-management flag of a Q-inventory code.',
    params: codeParams,
    body: z
      .object({ name: plainTextSchema(200).optional(), sellerItemCode: plainTextSchema(50).nullable().optional(), separateInventory: z.boolean().optional() })
      .strict()
      .refine((patch) => Object.keys(patch).length > 0, { error: 'nothing-to-change' }),
    status: 200,
    response: inventoryItemSchema,
  }),
  'inventory.options': hubRoute({
    method: 'GET',
    path: '/api/v1/inventory/:code/options',
    roles: readers,
    summary: 'The options (SKUs) of a Q-inventory code.',
    params: codeParams,
    status: 200,
    response: z.array(optionSchema),
  }),
  'inventory.addOption': hubRoute({
    method: 'POST',
    path: '/api/v1/inventory/:code/options',
    roles: writers,
    summary: 'Add an option (SKU); without `optionCode` the hub issues the next free one.',
    params: codeParams,
    body: newOptionSchema,
    status: 201,
    response: optionSchema,
  }),
  'skus.get': hubRoute({
    method: 'GET',
    path: '/api/v1/skus/:sku',
    roles: readers,
    summary: 'One SKU (e.g. 300001289771-00003) with its stock and linked-product count.',
    params: skuParams,
    status: 200,
    response: optionSchema,
  }),
  'skus.update': hubRoute({
    method: 'PATCH',
    path: '/api/v1/skus/:sku',
    roles: writers,
    summary: 'Edit a SKU: name, seller SKU code, extra price (JPY), JAN, dimensions (cm) and weight (g); null clears an optional field.',
    params: skuParams,
    body: optionPatchSchema,
    status: 200,
    response: optionSchema,
  }),
  'skus.links': hubRoute({
    method: 'GET',
    path: '/api/v1/skus/:sku/links',
    roles: readers,
    summary: 'The Qoo10 listings linked to a SKU.',
    params: skuParams,
    status: 200,
    response: z.array(listingLinkSchema),
  }),
  'skus.link': hubRoute({
    method: 'POST',
    path: '/api/v1/skus/:sku/links',
    roles: writers,
    summary: 'Link a Qoo10 listing option to a SKU, so its orders can be allocated.',
    params: skuParams,
    body: z.object({ listingId: qoo10ItemNoSchema, title: plainTextSchema(200), optionLabel: plainTextSchema(200).optional() }).strict(),
    status: 201,
    response: listingLinkSchema,
  }),
  'skus.unlink': hubRoute({
    method: 'DELETE',
    path: '/api/v1/skus/:sku/links/:listingId',
    roles: writers,
    summary: 'Unlink a Qoo10 listing from a SKU.',
    params: z.object({ sku: skuSchema, listingId: qoo10ItemNoSchema }),
    status: 204,
    response: z.null().describe('Unlinked.'),
  }),
  'stock.list': hubRoute({
    method: 'GET',
    path: '/api/v1/stock',
    roles: [...readers, 'station'],
    summary: 'Stock per SKU and branch (a seller sees its own); used by `qwms stock`.',
    query: z.object({ sellerId: z.string().max(50).optional(), sku: skuSchema.optional(), ...page }),
    status: 200,
    response: z.array(stockSchema),
  }),
} as const;
