import { afterAll, describe, expect, it } from 'vitest';
import { principalFromHeader } from '../../../server/auth/authenticate';
import { ensureReferenceData } from '../../../server/services/reference-data';
import { registerStation } from '../../../server/services/stations';
import { hubStoreFactories } from '../../support/hub-stores';

describe.each(hubStoreFactories())('station secrets on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  it('accepts the right secret again and again, refuses a wrong one after a right one, and the old secret once re-registered', async () => {
    const store = await factory.open();
    await ensureReferenceData(store.db);
    const first = await registerStation(store.db, { id: 'st-auth', name: 'auth', branchCode: '0000011520', secret: 'first-secret-0123456789' });
    const as = (secret: string) => principalFromHeader(store.db, `Station st-auth:${secret}`);
    expect(await as(first)).toMatchObject({ kind: 'station', stationId: 'st-auth' });
    expect(await as(first)).toMatchObject({ kind: 'station', stationId: 'st-auth' });
    expect(await as('first-secret-0123456780')).toBeNull();
    expect(await as('')).toBeNull();

    const second = await registerStation(store.db, { id: 'st-auth', name: 'auth', branchCode: '0000011520', secret: 'second-secret-012345678' });
    expect(await as(first)).toBeNull();
    expect(await as(second)).toMatchObject({ kind: 'station' });
    await store.close();
  });

  it('answers requests arriving together before the first check ends: every right one in, every wrong one out', async () => {
    const store = await factory.open();
    await ensureReferenceData(store.db);
    const secret = await registerStation(store.db, { id: 'st-burst', name: 'burst', branchCode: '0000011520' });
    const as = (value: string) => principalFromHeader(store.db, `Station st-burst:${value}`);
    const answers = await Promise.all([...Array(10).keys()].map((i) => as(i % 2 === 0 ? secret : `${secret}x`)));
    expect(answers.map((answer) => answer?.kind ?? null)).toEqual([...Array(10).keys()].map((i) => (i % 2 === 0 ? 'station' : null)));
    await store.close();
  });
});
