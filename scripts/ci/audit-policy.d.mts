export interface AuditFinding {
  id: string;
  package: string;
  severity: 'info' | 'low' | 'moderate' | 'high' | 'critical';
  title: string;
  url: string;
  range: string;
}
export interface AuditResult {
  ok: boolean;
  error: string | null;
  /** Why the advisory service could not be asked (an HTTP error, no network): not run, counted as skipped. */
  unavailable: string | null;
  blocking: AuditFinding[];
  allowed: (AuditFinding & { reason: string; decidedBy: string; decidedOn: string })[];
  expired: (AuditFinding & { reason: string; reviewBy: string })[];
  minor: AuditFinding[];
  unusedAllowances: string[];
  allowlistProblems: string[];
}
export function advisoryId(via: { url?: unknown; source?: unknown }): string;
export function checkAllowlist(allowlist: unknown): { entries: unknown[]; problems: string[] };
export function evaluateAudit(report: unknown, allowlist: unknown, today: string): AuditResult;
export function describeAudit(result: AuditResult): string[];
