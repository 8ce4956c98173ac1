import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubApi, hubRouteNames } from '../../shared/hub/hub-api';
import { hubRoles, type HubRole } from '../../shared/hub/hub-roles';
import { hubVersion, hubVersionHeader } from '../../shared/hub/hub-version';
import { registerStation } from '../../server/services/stations';
import { tokyo } from '../support/hub-fixtures';
import { hubStoreFactories } from '../support/hub-stores';
import { startTestHub, type TestHub } from '../support/hub-server';

const routes = hubRouteNames.map((name) => ({ name, ...hubApi[name] }));

/**
 * Every route of the hub route map (shared/hub/hub-api.ts), called by every role: a role the route does not name is
 * refused (403), a role it names gets past the door (whatever the route then says about the empty request), and
 * nobody gets in without signing in. The hub registers its routes from the same map, so a new route is in this matrix
 * the day it is added; and a route the hub serves outside the map fails the first test.
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

  it('serves exactly the routes of the map, each with the map’s method, path and roles', () => {
    const served = hub.hub.policies
      .filter((policy) => policy.url.startsWith('/api/v1/'))
      .map((policy) => ({ name: policy.name, method: policy.method, path: policy.url, roles: policy.roles }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    const mapped = routes.map(({ name, method, path, roles }) => ({ name, method, path, roles })).sort((a, b) => a.name.localeCompare(b.name));
    expect(served).toEqual(mapped);
  });

  it('gives the end-of-day manifest to packers, supervisors and admins only', () => {
    expect([...hubApi['manifests.get'].roles].sort()).toEqual(['admin', 'packer', 'supervisor']);
  });

  it('opens SKU locations to the floor staff and sellers (their own SKUs), not to stations', () => {
    expect([...hubApi['skuLocations.list'].roles].sort()).toEqual(['admin', 'clerk', 'packer', 'seller', 'supervisor']);
  });

  it('documents every route of the map in the OpenAPI document, under its name', async () => {
    const document = await hub.request('GET', '/api/openapi.json', { token: null });
    expect(document.status).toBe(200);
    const operations = Object.entries(document.body.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`),
    );
    const expected = routes.map(({ name, method, path }) => `${method} ${path.replace(/:(\w+)/g, '{$1}')} ${name}`);
    expect(operations.sort()).toEqual(expected.sort());
    expect(document.body.info.version).toBe(hubVersion);
  });

  it('says its version on every answer, a refusal and an unknown route included; the version is package.json’s', async () => {
    const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(hubVersion).toBe(packageVersion);
    for (const path of ['/api/v1/me', '/api/v1/no-such-route']) {
      const response = await fetch(new URL(path, hub.url));
      expect(response.headers.get(hubVersionHeader)).toBe(packageVersion);
    }
  });

  it('lets exactly the named roles through, and nobody without credentials', async () => {
    const mismatches: string[] = [];
    // Signing out revokes the caller's token: that route goes last, after every other route has been called with it.
    const signOutLast = [...routes.filter((route) => route.name !== 'session.signOut'), ...routes.filter((route) => route.name === 'session.signOut')];
    for (const route of signOutLast) {
      const path = route.path.replace(/:(\w+)/g, 'zz-none');
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const anonymous = await hub.request(route.method, path, { token: null, body });
      if (route.roles !== 'public' && anonymous.status !== 401) mismatches.push(`${route.name} anonymous → ${anonymous.status}`);
      for (const role of hubRoles) {
        const response = await hub.request(route.method, path, { token: null, headers: auth.get(role), body });
        const allowed = route.roles === 'public' || (route.roles as readonly string[]).includes(role);
        const refusedAtTheDoor = response.status === 401 || (response.status === 403 && response.body?.error?.code === 'forbidden');
        if (allowed === refusedAtTheDoor) mismatches.push(`${route.name} as ${role} → ${response.status} ${response.body?.error?.code ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
