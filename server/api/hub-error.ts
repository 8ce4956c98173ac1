/** A refusal the hub explains to the caller: a stable code, an HTTP status, and parameters for the message. */
export class HubError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'HubError';
  }
}

export const notFound = (what: string, id: string) => new HubError('not-found', 404, { what, id });
export const conflict = (code: string, params: Record<string, string | number> = {}) => new HubError(code, 409, params);
export const badRequest = (code: string, params: Record<string, string | number> = {}, details?: unknown) => new HubError(code, 400, params, details);
