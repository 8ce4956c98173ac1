// The CI audit gate's decision (scripts/ci/audit-policy.mjs) on crafted `npm audit --json` reports: what blocks,
// what the allowlist lets through and on what terms, and that an audit that could not run never passes.
import { describe, expect, it } from 'vitest';
import { describeAudit, evaluateAudit } from '../../../scripts/ci/audit-policy.mjs';

const TODAY = '2026-12-07';

function advisory(name: string, severity: string, ghsa: string, source = 1100000) {
  return {
    source,
    name,
    dependency: name,
    title: `${name} is vulnerable`,
    url: `https://github.com/advisories/${ghsa}`,
    severity,
    cwe: [],
    cvss: {},
    range: '<1.2.3',
  };
}

/** An npm 7+ audit report: `ws` with a high advisory, `fastify` inheriting it, `sirv` with a moderate one. */
function report(wsSeverity = 'high') {
  return {
    auditReportVersion: 2,
    vulnerabilities: {
      ws: {
        name: 'ws',
        severity: wsSeverity,
        isDirect: true,
        via: [advisory('ws', wsSeverity, 'GHSA-3h5v-q93c-6h6q')],
        effects: ['fastify'],
        range: '<1.2.3',
        nodes: ['node_modules/ws'],
        fixAvailable: true,
      },
      fastify: {
        name: 'fastify',
        severity: wsSeverity,
        isDirect: true,
        via: ['ws'],
        effects: [],
        range: '*',
        nodes: ['node_modules/fastify'],
        fixAvailable: false,
      },
      sirv: {
        name: 'sirv',
        severity: 'moderate',
        isDirect: true,
        via: [advisory('sirv', 'moderate', 'GHSA-aaaa-bbbb-cccc', 1100001)],
        effects: [],
        range: '<3',
        nodes: ['node_modules/sirv'],
        fixAvailable: true,
      },
    },
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 2, critical: 0, total: 3 } },
  };
}

const allowance = (overrides: Record<string, string> = {}) => ({
  id: 'GHSA-3h5v-q93c-6h6q',
  package: 'ws',
  reason: 'only the client side is affected; the hub uses ws as a server',
  decidedBy: 'lead',
  decidedOn: '2026-12-01',
  reviewBy: '2027-03-01',
  ...overrides,
});

describe('CI audit policy', () => {
  it('passes a clean report', () => {
    const result = evaluateAudit({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} }, { entries: [] }, TODAY);
    expect(result.ok).toBe(true);
    expect(describeAudit(result)).toContain('npm audit: passed');
  });

  it('blocks a high advisory once (not again on the package that inherits it) and lists a moderate one without blocking', () => {
    const result = evaluateAudit(report(), { entries: [] }, TODAY);
    expect(result.ok).toBe(false);
    expect(result.blocking.map((f) => `${f.severity} ${f.id} ${f.package}`)).toEqual(['high GHSA-3h5v-q93c-6h6q ws']);
    expect(result.minor.map((f) => f.package)).toEqual(['sirv']);
    expect(describeAudit(result).join('\n')).toMatch(/BLOCKING high GHSA-3h5v-q93c-6h6q in ws/);
  });

  it('blocks a critical advisory', () => {
    expect(evaluateAudit(report('critical'), { entries: [] }, TODAY).blocking).toHaveLength(1);
  });

  it('lets an allowlisted advisory through with its reason', () => {
    const result = evaluateAudit(report(), { entries: [allowance()] }, TODAY);
    expect(result.ok).toBe(true);
    expect(result.allowed).toEqual([expect.objectContaining({ id: 'GHSA-3h5v-q93c-6h6q', package: 'ws', reason: allowance().reason })]);
    expect(describeAudit(result).join('\n')).toMatch(/allowed high GHSA-3h5v-q93c-6h6q in ws.*server \(lead, 2026-12-01\)/);
  });

  it('an allowance for the same advisory on another package does not apply', () => {
    const result = evaluateAudit(report(), { entries: [allowance({ package: 'fastify' })] }, TODAY);
    expect(result.ok).toBe(false);
    expect(result.unusedAllowances).toEqual(['GHSA-3h5v-q93c-6h6q@fastify']);
  });

  it('blocks again once the allowance is past its review date', () => {
    const result = evaluateAudit(report(), { entries: [allowance({ reviewBy: '2026-12-06' })] }, TODAY);
    expect(result.ok).toBe(false);
    expect(result.expired).toHaveLength(1);
  });

  it('refuses an allowance without a reason, or with a date that is not a date', () => {
    const noReason = evaluateAudit(report(), { entries: [allowance({ reason: ' ' })] }, TODAY);
    expect(noReason.ok).toBe(false);
    expect(noReason.allowlistProblems).toEqual(['allowlist entry 1 has no "reason"']);
    expect(evaluateAudit(report(), { entries: [allowance({ decidedOn: 'yesterday' })] }, TODAY).allowlistProblems).toHaveLength(1);
    expect(evaluateAudit(report(), {}, TODAY).ok).toBe(false);
  });

  it('matches an advisory without a GHSA URL by npm numeric id', () => {
    const r = report();
    r.vulnerabilities.ws.via = [{ ...advisory('ws', 'high', 'x'), url: '' }];
    expect(evaluateAudit(r, { entries: [allowance({ id: '1100000' })] }, TODAY).ok).toBe(true);
  });

  it('says the audit was not run, and does not call it a pass, when the advisory service does not answer', () => {
    // What this build machine gets: the registry serves packages but answers the advisory endpoint with 405.
    const registryError = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    };
    const notRun = evaluateAudit(registryError, { entries: [] }, TODAY);
    expect(notRun.unavailable).toBe('405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk');
    expect(notRun.error).toBeNull();
    expect(describeAudit(notRun)[0]).toMatch(/^npm audit: NOT RUN — the advisory service did not answer \(405 Method Not Allowed/);
    expect(describeAudit(notRun)).not.toContain('npm audit: passed');
    expect(evaluateAudit({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.npmjs.org' } }, { entries: [] }, TODAY).unavailable).toBe(
      'ENOTFOUND',
    );
    // A broken allowlist still fails, reachable service or not.
    expect(evaluateAudit(registryError, {}, TODAY).ok).toBe(false);
  });

  it('never passes when the audit ran but cannot be read: no JSON, npm refused, or not an audit report', () => {
    expect(evaluateAudit(null, { entries: [] }, TODAY).ok).toBe(false);
    expect(evaluateAudit({ error: { code: 'ENOLOCK', summary: 'no lockfile' } }, { entries: [] }, TODAY).error).toBe('ENOLOCK — no lockfile');
    expect(evaluateAudit({ auditReportVersion: 2 }, { entries: [] }, TODAY).ok).toBe(false);
  });

  it('treats an unknown severity as critical rather than letting it through', () => {
    const r = report();
    r.vulnerabilities.ws.via = [advisory('ws', 'severe', 'GHSA-3h5v-q93c-6h6q')];
    expect(evaluateAudit(r, { entries: [] }, TODAY).blocking).toEqual([expect.objectContaining({ severity: 'critical' })]);
  });
});
