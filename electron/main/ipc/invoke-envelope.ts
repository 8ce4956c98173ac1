import { z } from 'zod';
import type { StationError } from '../../../shared/contract/errors';

/** The shape preload sends; the method's own input schema is checked later by the station dispatcher. */
const invokeEnvelopeSchema = z
  .object({
    method: z.string().min(1).max(100),
    input: z.unknown(),
  })
  .strict();

export type InvokeEnvelope = { method: string; input: unknown };

export function parseInvokeEnvelope(raw: unknown): { ok: true; envelope: InvokeEnvelope } | { ok: false; error: StationError } {
  const parsed = invokeEnvelopeSchema.safeParse(raw);
  if (parsed.success) return { ok: true, envelope: { method: parsed.data.method, input: parsed.data.input } };
  return {
    ok: false,
    error: {
      code: 'bad-message',
      detail: 'an invoke must be { method: string (1-100 chars), input }',
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    },
  };
}
