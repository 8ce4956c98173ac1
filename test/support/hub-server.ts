import type { PersonRole } from '../../shared/hub/hub-roles';
import { startHub, type RunningHub } from '../../server/hub/start-hub';
import { addUser, signIn } from '../../server/services/users';
import type { StoreFactory } from './hub-stores';

export interface HubResponse<T = any> {
  status: number;
  body: T;
}

export interface TestHub {
  hub: RunningHub;
  url: string;
  /** Calls the hub over real HTTP. */
  request<T = any>(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; language?: string; headers?: Record<string, string>; raw?: Uint8Array },
  ): Promise<HubResponse<T>>;
  /** A fresh user of this role (and seller, for sellers) signed in; returns its token. */
  tokenFor(role: PersonRole, sellerId?: string): Promise<string>;
  adminToken: string;
  stop(): Promise<void>;
}

let userCounter = 0;

/** A real hub on a loopback port, on a fresh database of the factory's dialect. */
export async function startTestHub(factory: StoreFactory): Promise<TestHub> {
  const hub = await startHub({ database: await factory.location() });
  const tokenFor = async (role: PersonRole, sellerId?: string) => {
    const name = `${role}-${++userCounter}`;
    await addUser(hub.store.db, { name, role, pin: '123456', sellerId: sellerId ?? null });
    return (await signIn(hub.store.db, { user: name, pin: '123456' })).token;
  };
  const adminToken = await tokenFor('admin');
  return {
    hub,
    url: hub.url,
    adminToken,
    tokenFor,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { 'accept-language': options.language ?? 'ja', ...options.headers };
      const token = options.token === undefined ? adminToken : options.token;
      if (token) headers.authorization = `Bearer ${token}`;
      let body: BodyInit | undefined;
      if (options.raw) {
        body = Buffer.from(options.raw);
        headers['content-type'] ??= 'application/octet-stream';
      } else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(new URL(path, hub.url), { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON (an xlsx download, say): the text is the body.
      }
      return { status: response.status, body: parsed as any };
    },
    stop: () => hub.close(),
  };
}
