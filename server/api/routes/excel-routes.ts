import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inventoryCodeSchema, sellerIdSchema } from '../../../shared/domain/identifiers';
import { plainTextSchema } from '../../../shared/domain/text';
import { hubLanguages } from '../../../shared/hub/hub-roles';
import { buildTemplate, templateKinds } from '../../excel';
import { importWorkbook } from '../../services/excel-imports';
import { refuse } from '../../services/refusal';
import type { HubRoutes } from '../build-app';
import { explainIn } from '../messages';
import { office } from '../route-policy';
import { actingSeller } from '../seller-scope';

/** Sellers fill in the manual's templates for themselves; the office does it for any seller. */
const sellerSide = [...office, 'seller'] as const;

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const kindParams = z.object({ kind: z.enum(templateKinds) });

const summarySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('options'), inventoryCode: z.string(), inventoryCreated: z.boolean(), skus: z.array(z.string()) }),
  z.object({ kind: z.literal('inbound'), lines: z.int(), units: z.int() }),
  z.object({ kind: z.literal('shipments'), orders: z.int(), allocated: z.int().nullable() }),
]);

const rowErrorSchema = z.object({ row: z.int(), column: z.string(), code: z.string(), message: z.string() });

export const excelRoutes: HubRoutes = async (app, store) => {
  // The upload is the file itself, not JSON. Its parser lives in this scope only, so no other route starts taking
  // raw bytes; the size limit is the hub's body limit, which is there for these uploads (413 body-too-large).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser([xlsxType, 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.get(
      '/api/v1/excel-templates/:kind',
      {
        config: { roles: sellerSide },
        schema: {
          summary: 'Download an empty template (.xlsx: headers, the manual’s example rows, a help sheet) for options, inbound or shipments.',
          params: kindParams,
          querystring: z.object({ language: z.enum(hubLanguages).optional() }),
        },
      },
      async (request, reply) => {
        const { kind } = request.params;
        const language = request.query.language ?? request.language;
        const file = await buildTemplate(kind, language);
        return reply.header('content-type', xlsxType).header('content-disposition', `attachment; filename="qwms-${kind}-template-${language}.xlsx"`).send(file);
      },
    );

    api.post(
      '/api/v1/imports/:kind',
      {
        config: { roles: sellerSide },
        schema: {
          summary:
            'Import a filled-in template, the .xlsx file as the body: every row is checked and all are applied or none. ' +
            '422 lists every problem by row and column. Options go to `inventoryCode` or to a new Q-inventory code named `inventoryName`.',
          params: kindParams,
          querystring: z
            .object({ sellerId: sellerIdSchema.optional(), inventoryCode: inventoryCodeSchema.optional(), inventoryName: plainTextSchema(200).optional() })
            .strict(),
          response: {
            200: z.object({ applied: z.literal(true), summary: summarySchema }),
            422: z.object({ error: z.object({ code: z.literal('excel-invalid'), message: z.string(), details: z.object({ errors: z.array(rowErrorSchema) }) }) }),
          },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw refuse('bad-input', { fields: 'body' });
        const { sellerId, inventoryCode, inventoryName } = request.query;
        const seller = actingSeller(request, sellerId);
        const outcome = await importWorkbook(store, request.params.kind, request.body, { sellerId: seller, language: request.language, explain: explainIn(request.language), inventoryCode, inventoryName });
        if (!outcome.ok) throw refuse('excel-invalid', { count: outcome.errors.length }, { errors: outcome.errors });
        if (outcome.summary.kind === 'shipments' && outcome.summary.allocated === null) request.log.error('allocation after the shipments import failed; the orders wait for the next run');
        return { applied: true as const, summary: outcome.summary };
      },
    );
  });
};
