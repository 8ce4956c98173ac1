import type { z } from 'zod';
import type { StationError } from '../../../shared/contract/errors';
import { isMethodName, stationMethods, type Access, type MethodName, type MethodOutput, type ParsedInput } from '../../../shared/contract/station-contract';
import type { CallResult } from '../../../shared/contract/wire';
import type { Session } from '../../../shared/contract/schemas';
import { stationErrorOf } from './error-policy';

/** Who is calling: one Electron window or one web-mode connection. */
export interface CallContext {
  clientId: string;
  session(): Session | null;
}

export type StationHandlers = {
  [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** The handlers of one feature: its own slice of the map, joined with the others by station.ts. */
export type HandlerSlice<M extends MethodName> = Pick<StationHandlers, M>;

/** The signed-in user a floor event is recorded for (null for a call that needs no sign-in). */
export function callerId(ctx: CallContext): string | null {
  return ctx.session()?.user.id ?? null;
}

export type Dispatch = (method: string, rawInput: unknown, ctx: CallContext) => Promise<CallResult>;

function issuesOf(error: z.ZodError): StationError['issues'] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

function accessRefusal(access: Access, session: Session | null): StationError | null {
  if (access === 'public') return null;
  if (!session) return { code: 'not-signed-in', detail: 'sign in first' };
  if (access === 'signed-in' || access.includes(session.user.role)) return null;
  return { code: 'forbidden', detail: `role ${session.user.role} may not call this` };
}

/**
 * The single door into station handlers, shared by the IPC wrapper and the WebSocket host: an unknown method or a
 * payload that fails its schema is answered here and never reaches a handler; outputs are checked too, so a handler
 * cannot leak fields the contract does not declare.
 */
export function createDispatcher(handlers: StationHandlers, log: (message: string) => void = () => {}): Dispatch {
  return async (method, rawInput, ctx) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown-method', detail: `no station method named ${JSON.stringify(method).slice(0, 120)}` } };
    }
    const spec = stationMethods[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'bad-input', detail: `invalid input for ${method}`, issues: issuesOf(parsed.error) } };
    }
    const refusal = accessRefusal(spec.access, ctx.session());
    if (refusal) return { ok: false, error: refusal };
    try {
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown;
      const output = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        log(`station handler ${method} returned output outside its contract: ${checked.error.message}`);
        return { ok: false, error: { code: 'internal', detail: `${method} produced an invalid answer` } };
      }
      return { ok: true, output: checked.data };
    } catch (error) {
      return { ok: false, error: stationErrorOf(method, error, log) };
    }
  };
}
