import { z } from 'zod';
import { inventoryCodeSchema, sellerIdSchema } from '../../domain/identifiers';
import { plainTextSchema } from '../../domain/text';
import { hubLanguages } from '../hub-roles';
import { hubRoute, office } from '../route';

/** The manual's Excel templates a seller fills in. */
export const templateKinds = ['options', 'inbound', 'shipments'] as const;
export type TemplateKind = (typeof templateKinds)[number];

/** Sellers fill in the manual's templates for themselves; the office does it for any seller. */
const sellerSide = [...office, 'seller'] as const;

const kindParams = z.object({ kind: z.enum(templateKinds) });

export const excelSummarySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('options'), inventoryCode: z.string(), inventoryCreated: z.boolean(), skus: z.array(z.string()) }),
  z.object({ kind: z.literal('inbound'), lines: z.int(), units: z.int() }),
  z.object({ kind: z.literal('shipments'), orders: z.int(), allocated: z.int().nullable() }),
]);

const rowErrorSchema = z.object({ row: z.int(), column: z.string(), code: z.string(), message: z.string() });
const importResultSchema = z.object({ applied: z.literal(true), summary: excelSummarySchema });

/** Excel: empty templates to download and filled-in ones to import (the body is the .xlsx file itself). */
export const excelRoutes = {
  'excel.template': hubRoute({
    method: 'GET',
    path: '/api/v1/excel-templates/:kind',
    roles: sellerSide,
    summary: 'Download an empty template (.xlsx: headers, the manual’s example rows, a help sheet) for options, inbound or shipments.',
    params: kindParams,
    query: z.object({ language: z.enum(hubLanguages).optional() }),
    status: 200,
  }),
  'excel.import': hubRoute({
    method: 'POST',
    path: '/api/v1/imports/:kind',
    roles: sellerSide,
    summary:
      'Import a filled-in template, the .xlsx file as the body: every row is checked and all are applied or none. ' +
      '422 lists every problem by row and column. Options go to `inventoryCode` or to a new Q-inventory code named `inventoryName`.',
    params: kindParams,
    query: z
      .object({ sellerId: sellerIdSchema.optional(), inventoryCode: inventoryCodeSchema.optional(), inventoryName: plainTextSchema(200).optional() })
      .strict(),
    status: 200,
    response: importResultSchema,
    documented: {
      200: importResultSchema,
      422: z.object({ error: z.object({ code: z.literal('excel-invalid'), message: z.string(), details: z.object({ errors: z.array(rowErrorSchema) }) }) }),
    },
  }),
} as const;
