/** The values a refusal's sentence is filled with: an order no., a count, a state. */
export type RefusalParams = Record<string, string | number>;

/**
 * The hub's domain saying no: a stable code and the parameters its sentence needs, and optionally details for the
 * caller to act on (every refused line of a batch). It knows nothing of HTTP or languages: the API layer turns a
 * refusal into a status and a sentence in the caller's language (server/api/refusal-status.ts, server/api/messages),
 * and a station's push result gets the same code and sentence.
 */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly params: RefusalParams = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'Refusal';
  }
}

/** Turns a refusal's code and parameters into a sentence; handed in by whoever knows the caller's language. */
export type ExplainRefusal = (code: string, params: RefusalParams) => string;

export const refuse = (code: string, params: RefusalParams = {}, details?: unknown) => new Refusal(code, params, details);

/** `what` names the kind of record (order, SKU, bundle, …), `id` the one asked for. */
export const notFound = (what: string, id: string) => new Refusal('not-found', { what, id });
