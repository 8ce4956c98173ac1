import { afterAll, describe, expect, it } from 'vitest';
import { ensureReferenceData } from '../../server/services/reference-data';
import { inboundWorkbook } from '../bench/hub/excel-import';
import { explainIn } from '../../server/api/messages';
import { importWorkbook } from '../../server/services/excel-imports';
import { hubStoreFactories } from '../support/hub-stores';

describe.each(hubStoreFactories())('a large inbound import on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  // 5,000 lines × 9 columns is more parameters than SQLite takes in one statement.
  it('applies 5,000 lines in one go', { timeout: 60_000 }, async () => {
    const store = await factory.open();
    await ensureReferenceData(store.db);
    const bytes = await inboundWorkbook(store, 5000);
    const result = await importWorkbook(store, 'inbound', bytes, { sellerId: 'bench-excel', language: 'ja', explain: explainIn('ja') });
    expect(result.ok).toBe(true);
    const count = await store.db
      .selectFrom('inbound_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5000);
    await store.close();
  });
});
