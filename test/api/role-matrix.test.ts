import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubRoles, type HubRole } from '../../shared/hub/hub-roles';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';

/**
 * Every route the hub serves, called by every role: a role the route does not name is refused (403), a role it
 * names gets past the door (whatever the route then says about the empty request), and nobody gets in without
 * signing in. The route list comes from the running hub, so a new route is in this matrix the day it is added.
 */
describe.each(hubStoreFactories().slice(0, 1))('role × endpoint matrix ($dialect)', (factory) => {
  let hub: TestHub;
  const auth = new Map<HubRole, Record<string, string>>();

  beforeAll(async () => {
    hub = await startTestHub(factory);
    await hub.request('POST', '/api/v1/sellers', { body: { id: 'matrix-shop', name: 'マトリクス' } });
    for (const role of hubRoles) {
      if (role === 'station') {
        const secret = await registerStation(hub.hub.store.db, { id: 'matrix-station', name: 'm', branchCode: tokyo });
        auth.set(role, { authorization: `Station matrix-station:${secret}` });
      } else {
        auth.set(role, { authorization: `Bearer ${await hub.tokenFor(role, role === 'seller' ? 'matrix-shop' : undefined)}` });
      }
    }
  });
  afterAll(async () => {
    await hub.stop();
    await factory.dispose();
  });

  it('covers a real set of routes, each of which declares its roles', () => {
    const routes = hub.hub.policies.filter((policy) => policy.url.startsWith('/api/v1/'));
    expect(routes.length).toBeGreaterThan(5);
    const undeclared = routes.filter((policy) => policy.roles === undefined).map((policy) => `${policy.method} ${policy.url}`);
    expect(undeclared).toEqual([]);
  });

  it('gives the end-of-day manifest to packers, supervisors and admins only', () => {
    const manifest = hub.hub.policies.find((policy) => policy.method === 'GET' && policy.url === '/api/v1/manifests');
    expect(manifest?.roles && [...manifest.roles].sort()).toEqual(['admin', 'packer', 'supervisor']);
  });

  it('opens SKU locations to the floor staff and sellers (their own SKUs), not to stations', () => {
    const route = hub.hub.policies.find((policy) => policy.method === 'GET' && policy.url === '/api/v1/sku-locations');
    expect([...((route?.roles as readonly string[] | undefined) ?? [])].sort()).toEqual(['admin', 'clerk', 'packer', 'seller', 'supervisor']);
  });

  it('lets exactly the named roles through, and nobody without credentials', async () => {
    const mismatches: string[] = [];
    for (const policy of hub.hub.policies.filter((p) => p.url.startsWith('/api/v1/'))) {
      const path = policy.url.replace(/:(\w+)/g, 'zz-none');
      const body = policy.method === 'GET' || policy.method === 'DELETE' ? undefined : {};
      const anonymous = await hub.request(policy.method, path, { token: null, body });
      if (policy.roles !== 'public' && anonymous.status !== 401) mismatches.push(`${policy.method} ${policy.url} anonymous → ${anonymous.status}`);
      for (const role of hubRoles) {
        const response = await hub.request(policy.method, path, { token: null, headers: auth.get(role), body });
        const allowed = policy.roles === 'public' || (policy.roles ?? []).includes(role);
        const refusedAtTheDoor = response.status === 401 || (response.status === 403 && response.body?.error?.code === 'forbidden');
        if (allowed === refusedAtTheDoor) mismatches.push(`${policy.method} ${policy.url} as ${role} → ${response.status} ${response.body?.error?.code ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
