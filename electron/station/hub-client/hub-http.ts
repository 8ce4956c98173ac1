import { clockOffsetFromDate } from '../../../shared/domain/clock-skew';
import { hubApi, type HubApi, type HubRouteName } from '../../../shared/hub/hub-api';
import { hubQueryString, hubRoutePath, type HubRouteAnswer, type HubRouteCall, type HubRouteSpec } from '../../../shared/hub/route';
import { hubVersion as stationHubVersion, hubVersionHeader } from '../../../shared/hub/hub-version';

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

/**
 * The hub answered, but not as the route map this station was built with says: a hub of another version (the answer
 * has another shape, or the route is missing on an older hub). Nothing of such an answer is used.
 */
export class HubContractError extends Error {
  constructor(
    readonly route: HubRouteName,
    /** The version the hub said it is (the `qwms-hub-version` header); null for a hub too old to say. */
    readonly hubVersion: string | null,
    readonly kind: 'answer' | 'missing-route',
    detail: string,
  ) {
    const hub = `hub ${hubVersion ?? '(version not sent)'}`;
    const station = `this station (built for hub ${stationHubVersion})`;
    super(
      kind === 'missing-route'
        ? `${hub} does not have the route ${route} that ${station} calls: ${detail}`
        : `${hub} answered ${route} in a shape ${station} cannot read: ${detail}`,
    );
    this.name = 'HubContractError';
  }
}

export interface HubCredentials {
  url: string;
  stationId: string;
  secret: string;
}

export interface HubCallOptions {
  /** A signed-in user's session token; otherwise the station's own credentials are sent. */
  userToken?: string;
  language?: string;
  timeoutMs?: number;
  /** The station's clock, injectable so tests can set it off (the clock offset is read against it). */
  now?: () => Date;
}

/** What a hub answer also says: how far the hub's clock is from this station's (hub minus station), when it can tell. */
export interface TimedAnswer<T> {
  body: T;
  clockOffsetMs: number | null;
  hubVersion: string | null;
}

/**
 * One call to the hub by route name (shared/hub/hub-api.ts): the path, query and body are built from the map, and the
 * answer is parsed with the route's response schema. Every failure is a HubRefusal, HubUnreachable or
 * HubContractError.
 */
export async function hubCall<N extends HubRouteName>(
  credentials: HubCredentials,
  route: N,
  call: HubRouteCall<HubApi[N]>,
  options: HubCallOptions = {},
): Promise<HubRouteAnswer<HubApi[N]>> {
  return (await hubCallTimed(credentials, route, call, options)).body;
}

/** As hubCall, and reads the hub's clock from the answer's `Date` header and its version from `qwms-hub-version`. */
export async function hubCallTimed<N extends HubRouteName>(
  credentials: HubCredentials,
  route: N,
  call: HubRouteCall<HubApi[N]>,
  options: HubCallOptions = {},
): Promise<TimedAnswer<HubRouteAnswer<HubApi[N]>>> {
  const spec: HubRouteSpec = hubApi[route];
  const parts = call as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const now = options.now ?? (() => new Date());
  const headers: Record<string, string> = {
    authorization: options.userToken ? `Bearer ${options.userToken}` : `Station ${credentials.stationId}:${credentials.secret}`,
    'accept-language': options.language ?? 'ja',
  };
  if (parts.body !== undefined) headers['content-type'] = 'application/json';
  const path = hubRoutePath(spec, parts.params) + hubQueryString(parts.query);
  let response: Response;
  const sentAt = now().getTime();
  try {
    response = await fetch(new URL(path, credentials.url), {
      method: spec.method,
      headers,
      body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new HubUnreachable(error);
  }
  // The headers are in: the hub stamped its Date somewhere between sending and now.
  const clockOffsetMs = clockOffsetFromDate(response.headers.get('date'), sentAt, now().getTime());
  const hubVersion = response.headers.get(hubVersionHeader);
  const text = await response.text().catch((error: unknown) => {
    throw new HubUnreachable(error);
  });
  let body: unknown = null;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    if (response.ok) throw new HubContractError(route, hubVersion, 'answer', `not JSON (${response.headers.get('content-type') ?? 'no content type'})`);
    if (response.status >= 500) throw new HubUnreachable(new Error(`HTTP ${response.status}`));
    body = null;
  }
  if (!response.ok) {
    const error = refusalOf(body);
    if (response.status >= 500 && !error?.code) throw new HubUnreachable(new Error(`HTTP ${response.status}`));
    // Our hub answers an unknown record with a code; only a route it does not have is a bare 404 (an older hub).
    if (response.status === 404 && !error?.code) throw new HubContractError(route, hubVersion, 'missing-route', `${spec.method} ${spec.path} answered 404`);
    throw new HubRefusal(response.status, error?.code ?? 'unknown', error?.message ?? `HTTP ${response.status}`);
  }
  if (!spec.response) throw new HubContractError(route, hubVersion, 'answer', 'the route does not answer JSON');
  const parsed = spec.response.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`);
    throw new HubContractError(route, hubVersion, 'answer', where.join('; '));
  }
  // The data was just parsed by this route's own response schema; TypeScript cannot follow a generic route name to it.
  return { body: parsed.data as HubRouteAnswer<HubApi[N]>, clockOffsetMs, hubVersion };
}

/** The `error` of a refusal body (`{ error: { code, message } }`), when it has one. */
function refusalOf(body: unknown): { code?: string; message?: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as { code?: string; message?: string }) : null;
}
