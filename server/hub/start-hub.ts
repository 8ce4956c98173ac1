import type { FastifyInstance } from 'fastify';
import { buildHubApp, type RoutePolicy } from '../api/build-app';
import type { RateLimits } from '../api/rate-limits';
import { ensureReferenceData } from '../services/reference-data';
import { purgeExpiredSessions } from '../services/users';
import { openHubStore, type HubStore } from '../storage/database';
import { hubRoutes } from './hub-routes';

export interface HubOptions {
  /** A SQLite file path or a postgres:// URL. */
  database: string;
  port?: number;
  host?: string;
  logger?: boolean;
  /** Requests per minute per caller (server/api/rate-limits.ts). */
  rateLimits?: Partial<RateLimits>;
}

/** How often expired session tokens are removed (sign-in removes them too). */
const sessionPurgeMs = 10 * 60_000;

export interface RunningHub {
  url: string;
  store: HubStore;
  app: FastifyInstance;
  policies: RoutePolicy[];
  close(): Promise<void>;
}

/** The one way to start a hub: `qwms hub`, the embedded hub of a single station, and the tests all come here. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const store = await openHubStore(options.database);
  try {
    await ensureReferenceData(store.db);
    const { app, policies } = await buildHubApp({ store, logger: options.logger ?? false, rateLimits: options.rateLimits }, hubRoutes);
    const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const purge = setInterval(() => {
      purgeExpiredSessions(store.db).catch((error: unknown) => app.log.error(error));
    }, sessionPurgeMs);
    purge.unref();
    return {
      url: address,
      store,
      app,
      policies,
      async close() {
        clearInterval(purge);
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
