import type { Refusal } from '../services/refusal';

/**
 * The one place a refusal becomes an HTTP status. A code not listed is the hub's records refusing the request as
 * they stand (an order already packed, a number taken, not enough stock): 409. Listed: the request itself is wrong
 * (400), the caller is not signed in (401) or not allowed (403), the record is unknown (404), the upload cannot be
 * read (422).
 */
export const refusalStatusByCode: Readonly<Record<string, number | ((refusal: Refusal) => number)>> = {
  'bad-input': 400,
  'seller-user-needs-seller': 400,
  'staff-user-has-no-seller': 400,
  'station-branch-unknown': 400,
  'station-needed': 400,
  'import-target-not-allowed': 400,
  'import-target-required': 400,
  'inbound-batch-refused': 400,
  'bundle-mixed-branches': 400,
  'arrival-date-in-past': 400,
  'arrival-date-too-far': 400,
  'line-not-in-bundle': 400,
  'line-counted-twice': 400,
  'labels-over-counted': 400,
  'damaged-over-counted': 400,
  'counts-incomplete': 400,
  'unknown-event-kind': 400,
  'bad-event-payload': 400,
  // A batch refused only because its order numbers are taken is a conflict; any other bad line makes it bad input.
  'order-lines-refused': (refusal) => (refusal.params.onlyTaken === 1 ? 409 : 400),
  unauthenticated: 401,
  'bad-credentials': 401,
  forbidden: 403,
  'badge-needs-station': 403,
  'count-not-allowed': 403,
  'not-found': 404,
  // Too many attempts: wait and try again (the sentence says how long).
  'sign-in-locked': 429,
  'rate-limited': 429,
  'excel-invalid': 422,
};

export function statusOfRefusal(refusal: Refusal): number {
  const status = refusalStatusByCode[refusal.code] ?? 409;
  return typeof status === 'function' ? status(refusal) : status;
}
