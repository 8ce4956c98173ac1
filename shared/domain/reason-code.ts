/**
 * Every refusal in shared/domain is a reason code ('invalid-sku', 'negative-stock', …), never a sentence: the hub
 * and the renderer translate codes into the user's language, and tests and importers can match on them.
 *
 * A business refusal is a value: `{ ok: false, reason }` from a rule, or a zod issue whose message is the code.
 * Input that validation should already have stopped (a negative count, an unparseable timestamp) is a bug
 * upstream and throws a RangeError whose message is also a code.
 */
export type ReasonCode = string;

/** A reason code is lower-case words joined by hyphens, so it can double as an i18n key. */
export const reasonCodePattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The zod `error` option that puts `code` on every issue a schema raises, except a missing value, which says
 * 'required' so a form can tell "fill this in" from "this is wrong".
 */
export function reasonCode(code: ReasonCode): (issue: { input?: unknown }) => ReasonCode {
  return (issue) => (issue.input === undefined ? 'required' : code);
}
