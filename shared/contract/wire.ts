import { z } from 'zod';
import { stationErrorSchema, type StationError } from './errors';
import type { AnyStationEvent } from './station-contract';

/** The answer to one call, the same shape over IPC and WebSocket. */
export type CallResult = { ok: true; output: unknown } | { ok: false; error: StationError };

/** What preload exposes on `window.qwmsStation`, and what the web transport imitates. */
export interface StationBridge {
  invoke(method: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (event: AnyStationEvent) => void): () => void;
}

export const ipcChannels = { invoke: 'qwms:station:invoke', event: 'qwms:station:event' } as const;

/** Messages from a web-mode client to the station host. */
export const clientMessageSchema = z
  .object({
    type: z.literal('call'),
    id: z.int().nonnegative(),
    method: z.string().max(100),
    input: z.unknown(),
  })
  .strict();
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  ({ type: 'result'; id: number } & CallResult) | ({ type: 'event' } & AnyStationEvent) | { type: 'protocol-error'; error: StationError };

export const serverMessageSchema = z.union([
  z.object({ type: z.literal('result'), id: z.int(), ok: z.literal(true), output: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.int(), ok: z.literal(false), error: stationErrorSchema }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  z.object({ type: z.literal('protocol-error'), error: stationErrorSchema }),
]);
