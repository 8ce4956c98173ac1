import type { Kysely } from 'kysely';
import type { HubDatabase } from '../../storage/schema';

/**
 * What happened, as the audit log names it. Sign-ins, lockouts and sign-outs today; other writers (user changes,
 * stock adjustments, payments) add their kind here and call `appendAudit`.
 */
export type AuditKind = 'sign-in' | 'lockout' | 'sign-out' | (string & {});

export interface AuditEntry {
  kind: AuditKind;
  outcome: 'ok' | 'refused';
  /** Who: the user when known (a failed sign-in for a name nobody has keeps the name as typed). */
  userId?: string | null;
  userName?: string | null;
  /** From which station, when a station made the call. */
  stationId?: string | null;
  /** How: `pin`, `badge`, … */
  method?: string | null;
  /** Why it was refused, or what it was (a refusal code, `unknown-user`, `wrong-pin`, `locked`). */
  reason?: string | null;
  /** What a kind of entry adds (a lock's end, the key it is on); stored as JSON. */
  detail?: Record<string, unknown> | null;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'detail'>> {
  seq: number;
  at: string;
  detail: Record<string, unknown> | null;
}

/**
 * Appends one entry. The log is append-only: no code updates or deletes its rows. Give a transaction as `db` to
 * write the entry together with the change it records (or not at all).
 */
export async function appendAudit(db: Kysely<HubDatabase>, entry: AuditEntry, now = new Date()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      kind: entry.kind,
      outcome: entry.outcome,
      user_id: entry.userId ?? null,
      user_name: entry.userName ?? null,
      station_id: entry.stationId ?? null,
      method: entry.method ?? null,
      reason: entry.reason ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

export interface AuditQuery {
  /** ISO times: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  kinds?: string[];
  /** Paging: entries older than this sequence number (the `next` of the page before). */
  before?: number;
  limit?: number;
}

/** Newest first, a page at a time: `next` is the `before` of the following page, null on the last one. */
export async function listAudit(db: Kysely<HubDatabase>, query: AuditQuery = {}): Promise<{ entries: AuditRecord[]; next: number | null }> {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
  let select = db.selectFrom('audit_log').selectAll();
  if (query.from) select = select.where('at', '>=', query.from);
  if (query.to) select = select.where('at', '<', query.to);
  if (query.kinds?.length) select = select.where('kind', 'in', query.kinds);
  if (query.before !== undefined) select = select.where('seq', '<', query.before);
  const rows = await select
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      seq: Number(row.seq),
      at: row.at,
      kind: row.kind,
      outcome: row.outcome as AuditRecord['outcome'],
      userId: row.user_id,
      userName: row.user_name,
      stationId: row.station_id,
      method: row.method,
      reason: row.reason,
      detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
    })),
    next: rows.length > limit ? Number(page[page.length - 1]!.seq) : null,
  };
}
