import { Command, InvalidArgumentError } from 'commander';
import { personRoles, type PersonRole } from '../../shared/hub/hub-roles';
import { hubMessage } from '../api/messages';
import { languageOf } from '../api/language';
import { startDailyReconciliation } from '../hub/daily-reconciliation';
import { startHub } from '../hub/start-hub';
import { secondBadgeAbove } from '../services/inventory/stock-count-settings';
import { Refusal } from '../services/refusal';
import { registerStation } from '../services/stations';
import { addUser, changeUserCredentials, disableUser } from '../services/users';
import { loadDemoData } from '../demo/demo-data';
import { defaultDatabase } from './default-database';
import { embeddedStation } from './embedded-station';
import { registerDataCommands } from './data-commands';
import { registerReconcileCommand } from './reconcile-command';
import { registerAuditCommand } from './audit-command';
import { withStore } from './with-store';

const language = languageOf(process.env.QWMS_LANG ?? process.env.LANG?.replace('_', '-').split('.')[0]);

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new InvalidArgumentError('a port number, 0–65535');
  return parsed;
}

const program = new Command('qwms').description('QWMS hub: the system of record for QWMS Floor stations').showHelpAfterError();

program
  .command('hub')
  .description('run the hub HTTP API')
  .option('--port <n>', 'port to listen on', port, 4820)
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .option('--db <path|url>', 'SQLite file or postgres:// URL (default: QWMS_DATABASE_URL or ~/.local/share/qwms-hub/hub.sqlite)')
  .option('--station <id:branch>', 'register (or re-key) this station at start, for an embedded hub; its secret is read from QWMS_STATION_SECRET')
  .option('--demo', 'load the demo warehouse when the database is empty')
  .option('--exit-with-stdin', 'stop when standard input closes: an embedded hub ends with the station that started it')
  .action(async (options: { port: number; host: string; db?: string; station?: string; demo?: boolean; exitWithStdin?: boolean }) => {
    // A bad two-badge threshold stops the hub here, not at the first count it would let through.
    secondBadgeAbove();
    // Read before the hub opens anything: a refused --station changes nothing.
    const station = options.station ? embeddedStation(options.station) : null;
    const hub = await startHub({ database: options.db ?? defaultDatabase(), port: options.port, host: options.host });
    if (options.demo && (await loadDemoData(hub.store))) console.log('loaded the demo warehouse');
    if (station) await registerStation(hub.store.db, { ...station, name: station.id });
    console.log(`QWMS hub ready at ${hub.url} (database: ${hub.store.location})`);
    const reconciliation = startDailyReconciliation(hub.store, (message) => console.log(message));
    const stop = async () => {
      reconciliation.stop();
      await reconciliation.first;
      await hub.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (options.exitWithStdin) {
      // The station holds our stdin open; when it is gone (even killed outright) the pipe closes and so do we,
      // rather than living on as an orphan that keeps the database and the port.
      process.stdin.once('end', () => void stop());
      process.stdin.resume();
    }
  });

const users = program.command('users').description('hub users');
users
  .command('add <name>')
  .description('add a user who signs in with a PIN')
  .requiredOption('--role <role>', `one of ${personRoles.join(', ')}`)
  .requiredOption('--pin <pin>', '4–8 digits')
  .option('--seller <id>', 'the seller a seller user belongs to')
  .option('--badge <code>', 'badge barcode for floor sign-in')
  .option('--db <path|url>')
  .action(async (name: string, options: { role: string; pin: string; seller?: string; badge?: string; db?: string }) => {
    if (!(personRoles as readonly string[]).includes(options.role)) throw new InvalidArgumentError(`--role must be one of ${personRoles.join(', ')}`);
    if (!/^\d{4,8}$/.test(options.pin)) throw new InvalidArgumentError('--pin must be 4 to 8 digits');
    const id = await withStore(options.db, (store) =>
      addUser(store.db, { name, role: options.role as PersonRole, pin: options.pin, sellerId: options.seller ?? null, badge: options.badge ?? null }),
    );
    console.log(`added ${name} (${options.role}) as ${id}`);
  });
users
  .command('disable <name>')
  .description('stop a user from signing in (stations forget their cached sign-in with the next sync)')
  .option('--db <path|url>')
  .action(async (name: string, options: { db?: string }) => {
    const user = await withStore(options.db, (store) => disableUser(store.db, name));
    console.log(`disabled ${user.name} (${user.id})`);
  });
users
  .command('credentials <name>')
  .description('give a user a new PIN and/or badge')
  .option('--pin <pin>', '4–8 digits')
  .option('--badge <code>', 'badge barcode for floor sign-in')
  .option('--db <path|url>')
  .action(async (name: string, options: { pin?: string; badge?: string; db?: string }) => {
    if (options.pin === undefined && options.badge === undefined) throw new InvalidArgumentError('give --pin, --badge or both');
    if (options.pin !== undefined && !/^\d{4,8}$/.test(options.pin)) throw new InvalidArgumentError('--pin must be 4 to 8 digits');
    await withStore(options.db, (store) => changeUserCredentials(store.db, name, { pin: options.pin, badge: options.badge }));
    console.log(`changed the credentials of ${name}`);
  });

program
  .command('stations')
  .command('add <id>')
  .description('register a floor station; prints its secret once')
  .requiredOption('--branch <code>', 'branch code, e.g. 0000011520')
  .option('--name <name>')
  .option('--db <path|url>')
  .action(async (id: string, options: { branch: string; name?: string; db?: string }) => {
    const secret = await withStore(options.db, (store) => registerStation(store.db, { id, name: options.name ?? id, branchCode: options.branch }));
    console.log(`station ${id}: secret ${secret}`);
  });

registerDataCommands(program, language);
registerReconcileCommand(program);
registerAuditCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof Refusal) console.error(hubMessage(error.code, language, error.params));
  else if (error instanceof InvalidArgumentError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
