import { describe, expect, it } from 'vitest';
import { hubLanguages } from '../../../shared/hub/hub-roles';
import { explainIn, hubMessages } from '../../../server/api/messages';
import { refusalStatusByCode, statusOfRefusal } from '../../../server/api/refusal-status';
import { notFound, refuse } from '../../../server/services/refusal';

describe('a domain refusal in HTTP terms (server/api/refusal-status.ts)', () => {
  it('gives each kind of refusal its status; anything not listed is a conflict with the records', () => {
    expect(statusOfRefusal(notFound('order', 'o-1'))).toBe(404);
    expect(statusOfRefusal(refuse('bad-input', { fields: 'sellerId' }))).toBe(400);
    expect(statusOfRefusal(refuse('unauthenticated'))).toBe(401);
    expect(statusOfRefusal(refuse('forbidden'))).toBe(403);
    expect(statusOfRefusal(refuse('excel-invalid', { count: 2 }))).toBe(422);
    expect(statusOfRefusal(refuse('duplicate', { what: 'seller', id: 'shop-a' }))).toBe(409);
    expect(statusOfRefusal(refuse('insufficient-stock', { sku: '300001289771-00001' }))).toBe(409);
  });

  it('answers a batch refused only for numbers already taken as a conflict, any other bad line as bad input', () => {
    expect(statusOfRefusal(refuse('order-lines-refused', { count: 1, lines: '[0] orderNo: duplicate-order-no', onlyTaken: 1 }))).toBe(409);
    expect(statusOfRefusal(refuse('order-lines-refused', { count: 1, lines: '[0] quantity: too-small', onlyTaken: 0 }))).toBe(400);
  });

  it('has a sentence in every language for every code it lists', () => {
    for (const code of Object.keys(refusalStatusByCode)) {
      for (const language of hubLanguages) expect(hubMessages[code]?.[language], `${code} in ${language}`).toBeTruthy();
    }
  });

  it("words a refusal for a service in the caller's language, its parameters filled in", () => {
    expect(explainIn('ja')('not-found', { what: 'SKU', id: '300001289771-00009' })).toBe('SKU 300001289771-00009 は見つかりません。');
    expect(explainIn('en')('not-found', { what: 'SKU', id: '300001289771-00009' })).toBe('SKU 300001289771-00009 was not found.');
  });
});
