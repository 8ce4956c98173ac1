import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { excelRoutes as excelApi } from '../../../shared/hub/routes/excel';
import { buildTemplate } from '../../excel';
import { importWorkbook } from '../../services/excel-imports';
import { refuse } from '../../services/refusal';
import type { HubRoutes } from '../build-app';
import { explainIn } from '../messages';
import { registerRoutes } from '../register-routes';
import { actingSeller } from '../seller-scope';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const excelRoutes: HubRoutes = async (app, store) => {
  // The upload is the file itself, not JSON. Its parser lives in this scope only, so no other route starts taking
  // raw bytes; the size limit is the hub's body limit, which is there for these uploads (413 body-too-large).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser([xlsxType, 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    registerRoutes(scope.withTypeProvider<ZodTypeProvider>(), excelApi, {
      'excel.template': async (request, reply) => {
        const { kind } = request.params;
        const language = request.query.language ?? request.language;
        const file = await buildTemplate(kind, language);
        return reply.header('content-type', xlsxType).header('content-disposition', `attachment; filename="qwms-${kind}-template-${language}.xlsx"`).send(file);
      },

      'excel.import': async (request) => {
        // The map gives this route no JSON body: the parser above hands over the file's bytes.
        const file: unknown = request.body;
        if (!Buffer.isBuffer(file)) throw refuse('bad-input', { fields: 'body' });
        const { sellerId, inventoryCode, inventoryName } = request.query;
        const seller = actingSeller(request, sellerId);
        const outcome = await importWorkbook(store, request.params.kind, file, {
          sellerId: seller,
          language: request.language,
          explain: explainIn(request.language),
          inventoryCode,
          inventoryName,
        });
        if (!outcome.ok) throw refuse('excel-invalid', { count: outcome.total ?? outcome.errors.length }, { errors: outcome.errors });
        if (outcome.summary.kind === 'shipments' && outcome.summary.allocated === null)
          request.log.error('allocation after the shipments import failed; the orders wait for the next run');
        return { applied: true as const, summary: outcome.summary };
      },
    });
  });
};
