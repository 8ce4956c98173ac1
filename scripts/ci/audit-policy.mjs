// The pure part of the CI dependency audit: given the JSON `npm audit --omit=dev --json` printed and the team's
// allowlist, decide what blocks the build. No I/O here so a unit test can feed it crafted audit reports.
//
// Rules (issue 14, item 10):
// - a high or critical advisory on a production dependency blocks, unless the allowlist names that advisory for that
//   package, with a reason, who decided and when, and its review date has not passed;
// - an audit whose output cannot be read, or that npm itself refused (no lockfile…), blocks;
// - when the advisory service does not answer (an HTTP error from the registry, no network: this build machine can
//   reach the registry's packages but its advisory endpoint answers 405), the audit is reported as not run, loudly,
//   and counted as a skipped check, not a pass: nothing was checked, but nothing was found either;
// - low and moderate advisories are listed but do not block.

const BLOCKING = new Set(['high', 'critical']);
/** npm's codes for a registry that could not be reached at all. */
const serviceUnreachable = /^(E[45]\d\d|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN)$/;
const SEVERITY_ORDER = ['info', 'low', 'moderate', 'high', 'critical'];

/** The advisory's stable id: the GHSA id from its URL when there is one, else npm's numeric source id. */
export function advisoryId(via) {
  const ghsa = typeof via.url === 'string' ? /GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/i.exec(via.url) : null;
  if (ghsa) return ghsa[0];
  return via.source === undefined ? 'unknown' : String(via.source);
}

/** Checks the allowlist's own shape: every entry must say which advisory, which package, why, who and when. */
export function checkAllowlist(allowlist) {
  const problems = [];
  const entries = Array.isArray(allowlist?.entries) ? allowlist.entries : null;
  if (!entries) return { entries: [], problems: ['the allowlist has no "entries" array'] };
  entries.forEach((entry, index) => {
    for (const field of ['id', 'package', 'reason', 'decidedBy', 'decidedOn', 'reviewBy']) {
      if (typeof entry?.[field] !== 'string' || entry[field].trim() === '') {
        problems.push(`allowlist entry ${index + 1} has no "${field}"`);
      }
    }
    for (const field of ['decidedOn', 'reviewBy']) {
      if (typeof entry?.[field] === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(entry[field])) {
        problems.push(`allowlist entry ${index + 1}: "${field}" must be a date YYYY-MM-DD`);
      }
    }
  });
  return { entries, problems };
}

/**
 * Applies the allowlist to one audit report.
 * @param {unknown} report the parsed `npm audit --json` output
 * @param {unknown} allowlist the parsed allowlist file
 * @param {string} today YYYY-MM-DD (UTC), for review dates
 */
export function evaluateAudit(report, allowlist, today) {
  const { entries, problems } = checkAllowlist(allowlist);
  const result = {
    ok: false,
    error: null,
    unavailable: null,
    blocking: [],
    allowed: [],
    expired: [],
    minor: [],
    unusedAllowances: [],
    allowlistProblems: problems,
  };

  if (report === null || typeof report !== 'object') {
    result.error = 'npm audit printed no JSON report';
    return result;
  }
  const status = typeof report.statusCode === 'number' ? report.statusCode : null;
  const networkCode = typeof report.error?.code === 'string' && serviceUnreachable.test(report.error.code) ? report.error.code : null;
  if (status !== null || networkCode !== null) {
    result.unavailable = [report.message, networkCode].filter((part) => typeof part === 'string' && part !== '').join(' — ') || `HTTP ${status}`;
    result.ok = problems.length === 0;
    return result;
  }
  if (report.error || report.message) {
    const e = report.error ?? {};
    result.error = [report.message, e.code, e.summary, e.detail].filter((part) => typeof part === 'string' && part !== '').join(' — ') || 'npm audit failed';
    return result;
  }
  if (report.vulnerabilities === null || typeof report.vulnerabilities !== 'object') {
    result.error = 'npm audit report has no "vulnerabilities" (not an npm 7+ audit report)';
    return result;
  }

  const used = new Set();
  const seen = new Set();
  for (const [packageName, vulnerability] of Object.entries(report.vulnerabilities)) {
    // `via` holds advisory objects for this package and plain names of the packages it inherits one from; the
    // inherited ones are reported under their own package, so only objects count here.
    for (const via of Array.isArray(vulnerability?.via) ? vulnerability.via : []) {
      if (via === null || typeof via !== 'object') continue;
      const finding = {
        id: advisoryId(via),
        package: typeof via.name === 'string' ? via.name : packageName,
        severity: SEVERITY_ORDER.includes(via.severity) ? via.severity : 'critical',
        title: typeof via.title === 'string' ? via.title : '',
        url: typeof via.url === 'string' ? via.url : '',
        range: typeof via.range === 'string' ? via.range : '',
      };
      const key = `${finding.id}@${finding.package}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!BLOCKING.has(finding.severity)) {
        result.minor.push(finding);
        continue;
      }
      const index = entries.findIndex((entry) => entry?.id?.toLowerCase() === finding.id.toLowerCase() && entry?.package === finding.package);
      if (index < 0) {
        result.blocking.push(finding);
        continue;
      }
      used.add(index);
      const entry = entries[index];
      if (typeof entry.reviewBy === 'string' && entry.reviewBy < today) {
        result.expired.push({ ...finding, reason: entry.reason, reviewBy: entry.reviewBy });
      } else {
        result.allowed.push({ ...finding, reason: entry.reason, decidedBy: entry.decidedBy, decidedOn: entry.decidedOn });
      }
    }
  }
  result.unusedAllowances = entries.filter((_, index) => !used.has(index)).map((entry) => `${entry?.id}@${entry?.package}`);
  result.ok = result.blocking.length === 0 && result.expired.length === 0 && problems.length === 0;
  return result;
}

/** Human-readable lines for the CI log. */
export function describeAudit(result) {
  const lines = [];
  const show = (f) => `${f.severity} ${f.id} in ${f.package}${f.range ? ` (${f.range})` : ''}${f.title ? `: ${f.title}` : ''}${f.url ? ` ${f.url}` : ''}`;
  if (result.error) lines.push(`npm audit could not run: ${result.error}`);
  for (const p of result.allowlistProblems) lines.push(`allowlist problem: ${p}`);
  for (const f of result.blocking) lines.push(`BLOCKING ${show(f)}`);
  for (const f of result.expired) lines.push(`BLOCKING (allowance past its review date ${f.reviewBy}) ${show(f)}`);
  for (const f of result.allowed) lines.push(`allowed ${show(f)} — ${f.reason} (${f.decidedBy}, ${f.decidedOn})`);
  for (const f of result.minor) lines.push(`not blocking ${show(f)}`);
  for (const u of result.unusedAllowances) lines.push(`allowlist entry ${u} matched nothing: remove it`);
  if (result.unavailable) {
    lines.push(`npm audit: NOT RUN — the advisory service did not answer (${result.unavailable}); counted as a skipped check`);
    lines.push('  run it where the registry answers, or give QWMS_AUDIT_REPORT=<saved npm audit --omit=dev --json report>');
    return lines;
  }
  if (!result.error && lines.length === 0) lines.push('no advisories for production dependencies');
  lines.push(result.ok ? 'npm audit: passed' : 'npm audit: FAILED (high/critical advisory not allowed, or the audit could not run)');
  return lines;
}
