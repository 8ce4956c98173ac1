import { InvalidArgumentError, type Command } from 'commander';
import { listAudit, type AuditRecord } from '../services/audit/audit-log';
import { withStore } from './with-store';

function isoTime(value: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new InvalidArgumentError('an ISO date or time, e.g. 2026-12-07 or 2026-12-07T09:00:00+09:00');
  return time.toISOString();
}

function count(value: string, most = 1000): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > most) throw new InvalidArgumentError(`a whole number, 1–${most}`);
  return parsed;
}

function line(entry: AuditRecord): string {
  const who = entry.userName ?? entry.userId ?? '-';
  const detail = entry.detail ? JSON.stringify(entry.detail) : '';
  return [entry.seq, entry.at, entry.kind, entry.outcome, who, entry.stationId ?? '-', entry.method ?? '-', entry.reason ?? '-', detail].join('\t');
}

/**
 * `qwms audit`: the hub's audit log, newest first, read from the database directly (the CLI runs where the database
 * is; over the API the same is `audit.list`, for admins). `--before` pages on with the `next` printed last.
 */
export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('show the audit log (sign-ins, lockouts, sign-outs, …), newest first')
    .option('--from <time>', 'from this time (inclusive)', isoTime)
    .option('--to <time>', 'up to this time (exclusive)', isoTime)
    .option('--kind <kinds>', 'one kind or several, comma-separated: sign-in, lockout, sign-out')
    .option('--limit <n>', 'entries per page (default 100)', (value: string) => count(value))
    .option('--before <seq>', 'the page after the one that printed `next: --before <seq>`', (value: string) => count(value, Number.MAX_SAFE_INTEGER))
    .option('--json', 'print the page as JSON')
    .option('--db <path|url>')
    .action(async (options: { from?: string; to?: string; kind?: string; limit?: number; before?: number; json?: boolean; db?: string }) => {
      const page = await withStore(options.db, (store) =>
        listAudit(store.db, { from: options.from, to: options.to, kinds: options.kind?.split(','), limit: options.limit, before: options.before }),
      );
      if (options.json) {
        console.log(JSON.stringify(page, null, 2));
        return;
      }
      console.log(['SEQ', 'AT', 'KIND', 'OUTCOME', 'USER', 'STATION', 'METHOD', 'REASON', 'DETAIL'].join('\t'));
      for (const entry of page.entries) console.log(line(entry));
      if (page.next !== null) console.log(`next: --before ${page.next}`);
    });
}
