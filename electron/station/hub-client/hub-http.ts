import { clockOffsetFromDate } from '../../../shared/domain/clock-skew';

/** A refusal the hub explained (a code and a sentence in the user's language). */
export class HubRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly hubMessage: string,
  ) {
    super(`${status} ${code}: ${hubMessage}`);
    this.name = 'HubRefusal';
  }
}

/** The hub could not be reached at all (down, network away, timed out): worth retrying. */
export class HubUnreachable extends Error {
  constructor(cause: unknown) {
    super(`the hub could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'HubUnreachable';
  }
}

export interface HubCredentials {
  url: string;
  stationId: string;
  secret: string;
}

export interface HubRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** A signed-in user's session token; otherwise the station's own credentials are sent. */
  userToken?: string;
  language?: string;
  timeoutMs?: number;
}

/** One HTTP call to the hub with a timeout; every failure is either a HubRefusal or HubUnreachable. */
export async function callHub<T>(credentials: HubCredentials, request: HubRequest): Promise<T> {
  return (await callHubTimed<T>(credentials, request)).body;
}

/** What a hub answer also says: how far the hub's clock is from this station's (hub minus station), when it can tell. */
export interface TimedAnswer<T> {
  body: T;
  clockOffsetMs: number | null;
}

/**
 * As callHub, and reads the hub's clock from the answer's `Date` header. `now` is the station's clock, injectable so
 * tests can set it off.
 */
export async function callHubTimed<T>(credentials: HubCredentials, request: HubRequest, now: () => Date = () => new Date()): Promise<TimedAnswer<T>> {
  const headers: Record<string, string> = {
    authorization: request.userToken ? `Bearer ${request.userToken}` : `Station ${credentials.stationId}:${credentials.secret}`,
    'accept-language': request.language ?? 'ja',
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  const sentAt = now().getTime();
  try {
    response = await fetch(new URL(request.path, credentials.url), {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new HubUnreachable(error);
  }
  // The headers are in: the hub stamped its Date somewhere between sending and now.
  const clockOffsetMs = clockOffsetFromDate(response.headers.get('date'), sentAt, now().getTime());
  const text = await response.text().catch((error: unknown) => {
    throw new HubUnreachable(error);
  });
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    if (response.status >= 500 && !error?.code) throw new HubUnreachable(new Error(`HTTP ${response.status}`));
    throw new HubRefusal(response.status, error?.code ?? 'unknown', error?.message ?? `HTTP ${response.status}`);
  }
  return { body: body as T, clockOffsetMs };
}
