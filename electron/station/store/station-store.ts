import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FloorEvent, FloorEventKind } from '../../../shared/contract/floor-events';
import { checkFeedData, type FeedData, type FeedEntity, type FeedView } from '../../../shared/hub/feed';
import { createCredentialCacheTable, CredentialCache } from './credential-cache';

export interface OutboxEntry extends FloorEvent {
  state: 'pending' | 'applied' | 'rejected';
  reason: string | null;
  message: string | null;
}

interface OutboxRow {
  seq: number;
  event_id: string;
  kind: string;
  payload: string;
  occurred_at: string;
  user_id: string | null;
  state: OutboxEntry['state'];
  reason: string | null;
  message: string | null;
}

const schemaVersion = 5;

/**
 * The station's own SQLite file: the durable outbox of floor events (written and fsynced before the screen says
 * "done"), a cache of what the hub sent, and a few settings. It lives on the floor PC and survives crashes and
 * power cuts; the hub may be away for hours.
 */
export class StationStore {
  private readonly db: BetterSqlite3.Database;
  /** Hashed PINs and badges of people who signed in here, for sign-in with the hub away (kept in step with the feed). */
  readonly credentials: CredentialCache;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new BetterSqlite3(join(dataDir, 'station.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // FULL: a confirmed scan must survive a power cut, not only a crash.
    this.db.pragma('synchronous = FULL');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > schemaVersion) throw new Error(`station.sqlite was written by a newer QWMS Floor (schema ${version}); refusing to open it`);
    if (version < 1) this.createSchema();
    if (version < 2) this.indexOrderLookups();
    if (version < 3) this.addCredentialCache();
    if (version < 4) this.addUnreadMark();
    if (version < 5) this.indexOrderSkus();
    this.credentials = new CredentialCache(this.db);
    this.recheckUnread();
  }

  /**
   * Schema step 4: a cached row this station cannot read (an entity it does not know, or data not in the shape it
   * knows) is kept with the reason in `unread` and skipped by every reader: a newer hub never crashes an older station,
   * and once the station is upgraded the row is read again (recheckUnread) without pulling the feed afresh.
   */
  private addUnreadMark(): void {
    this.db.transaction(() => {
      this.db.exec('alter table cache add column unread text');
      // Read at every start (recheckUnread): the few unread rows, without scanning a cache of every order.
      this.db.exec('create index cache_unread on cache (entity) where unread is not null');
      this.db.pragma('user_version = 4');
    })();
  }

  /** Schema step 5: orders by SKU, for a count's book (the orders of one SKU being picked) without reading every order. */
  private indexOrderSkus(): void {
    this.db.exec(`
      create index if not exists cache_sku on cache (entity, json_extract(data, '$.sku'));
      pragma user_version = 5;
    `);
  }

  /** Rows kept unread by an older version of this station that this one can read now. */
  private recheckUnread(): void {
    const rows = this.db
      .prepare<[], { entity: string; entity_id: string; data: string }>('select entity, entity_id, data from cache where unread is not null')
      .all();
    const mark = this.db.prepare('update cache set unread = ? where entity = ? and entity_id = ?');
    this.db.transaction(() => {
      for (const row of rows) mark.run(unreadReason(row.entity, JSON.parse(row.data)), row.entity, row.entity_id);
    })();
  }

  /** Schema step 3: hashed credentials for sign-in with the hub away (credential-cache.ts). */
  private addCredentialCache(): void {
    this.db.transaction(() => {
      createCredentialCacheTable(this.db);
      this.db.pragma('user_version = 3');
    })();
  }

  /** Schema step 2: orders by order/cart no., SKUs by JAN or seller code, events by order or bundle id, without reading them all. */
  private indexOrderLookups(): void {
    this.db.exec(`
      create index if not exists cache_order_no on cache (entity, json_extract(data, '$.orderNo'));
      create index if not exists cache_cart_no on cache (entity, json_extract(data, '$.cartNo'));
      create index if not exists cache_jan on cache (entity, json_extract(data, '$.jan'));
      create index if not exists cache_seller_sku_code on cache (entity, json_extract(data, '$.sellerSkuCode'));
      create index if not exists cache_shipped_at on cache (entity, json_extract(data, '$.shippedAt'));
      create index if not exists outbox_order_id on outbox (json_extract(payload, '$.orderId'));
      create index if not exists outbox_bundle_id on outbox (json_extract(payload, '$.bundleId'));
      create index if not exists outbox_kind_occurred on outbox (kind, occurred_at);
      pragma user_version = 2;
    `);
  }

  private createSchema(): void {
    this.db.exec(`
      create table outbox (
        seq integer primary key autoincrement,
        event_id text not null unique,
        kind text not null,
        payload text not null,
        occurred_at text not null,
        user_id text,
        state text not null default 'pending',
        reason text,
        message text
      );
      create table cache (entity text not null, entity_id text not null, data text not null, primary key (entity, entity_id));
      create table settings (key text primary key, value text not null);
      pragma user_version = 1;
    `);
  }

  /** Durable when this returns: the caller may now tell the user it is done. */
  appendEvent(kind: FloorEventKind, payload: unknown, userId: string | null, now = new Date()): OutboxEntry {
    const row = this.db
      .prepare<[string, string, string, string, string | null], OutboxRow>(
        'insert into outbox (event_id, kind, payload, occurred_at, user_id) values (?, ?, ?, ?, ?) returning *',
      )
      .get(randomUUID(), kind, JSON.stringify(payload), now.toISOString(), userId);
    return toEntry(row as OutboxRow);
  }

  pending(limit: number): OutboxEntry[] {
    return this.db.prepare<[number], OutboxRow>("select * from outbox where state = 'pending' order by seq limit ?").all(limit).map(toEntry);
  }

  pendingCount(): number {
    return (this.db.prepare("select count(*) as n from outbox where state = 'pending'").get() as { n: number }).n;
  }

  settle(eventId: string, state: 'applied' | 'rejected', reason: string | null = null, message: string | null = null): void {
    this.settleAll([{ eventId, state, reason, message }]);
  }

  /** The hub's answers to one push, in one transaction: one disk sync for the batch, not one per event. */
  settleAll(results: readonly { eventId: string; state: 'applied' | 'rejected'; reason: string | null; message: string | null }[]): void {
    const update = this.db.prepare('update outbox set state = ?, reason = ?, message = ? where event_id = ?');
    this.db.transaction(() => {
      for (const result of results) update.run(result.state, result.reason, result.message, result.eventId);
    })();
  }

  /** The newest events, newest first: all kinds, or only these. */
  recent(limit: number, kinds?: readonly string[]): OutboxEntry[] {
    if (!kinds) return this.db.prepare<[number], OutboxRow>('select * from outbox order by seq desc limit ?').all(limit).map(toEntry);
    const marks = kinds.map(() => '?').join(', ');
    return this.db
      .prepare<(string | number)[], OutboxRow>(`select * from outbox where kind in (${marks}) order by seq desc limit ?`)
      .all(...kinds, limit)
      .map(toEntry);
  }

  setting(key: string): string | null {
    return (this.db.prepare('select value from settings where key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.db.prepare('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(key, value);
  }

  deleteSetting(key: string): void {
    this.db.prepare('delete from settings where key = ?').run(key);
  }

  /**
   * Applies a batch of pulled changes and the new cursor in one transaction. Each change's data is checked against its
   * entity's schema (shared/hub/feed.ts) here, once, so readers can trust the cache; a change this station cannot read
   * is kept as the hub sent it, marked unread, and the cursor moves on. Returns how many were kept unread.
   */
  applyChanges(changes: readonly { entity: string; entityId: string; op: 'upsert' | 'delete'; data: unknown }[], cursor: number): { unread: number } {
    const upsert = this.db.prepare(
      'insert into cache (entity, entity_id, data, unread) values (?, ?, ?, ?) on conflict (entity, entity_id) do update set data = excluded.data, unread = excluded.unread',
    );
    const remove = this.db.prepare('delete from cache where entity = ? and entity_id = ?');
    let unread = 0;
    this.db.transaction(() => {
      for (const change of changes) {
        if (change.op === 'delete') remove.run(change.entity, change.entityId);
        else {
          const reason = unreadReason(change.entity, change.data);
          if (reason !== null) unread++;
          upsert.run(change.entity, change.entityId, JSON.stringify(change.data), reason);
        }
        // The credential cache reads user changes by its own checks (a disabled or unreadable role drops the sign-in).
        this.credentials.applyUserChange(change);
      }
      this.setSetting('changes.cursor', String(cursor));
    })();
    return { unread };
  }

  /** Replaces every cached row of one entity (a full list fetched from the hub). */
  replaceCached<E extends FeedEntity>(entity: E, rows: readonly { id: string; data: FeedData<E> }[]): void {
    const insert = this.db.prepare('insert into cache (entity, entity_id, data, unread) values (?, ?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare('delete from cache where entity = ?').run(entity);
      for (const row of rows) insert.run(entity, row.id, JSON.stringify(row.data), unreadReason(entity, row.data));
    })();
  }

  /** One cached row of a known entity, typed by the feed's schema; null if absent or kept unread. */
  cachedOne<E extends FeedEntity>(entity: E, id: string): FeedView<E> | null {
    const row = this.db
      .prepare<[string, string], { data: string }>('select data from cache where entity = ? and entity_id = ? and unread is null')
      .get(entity, id);
    return row ? (JSON.parse(row.data) as FeedView<E>) : null;
  }

  /** Cached rows of an entity whose JSON field has this value (each of these fields is indexed). */
  cachedWhere<E extends FeedEntity>(entity: E, field: 'orderNo' | 'cartNo' | 'jan' | 'sellerSkuCode' | 'sku', value: string): FeedView<E>[] {
    return this.db
      .prepare<[string, string], { data: string }>(
        `select data from cache where entity = ? and json_extract(data, '$.${field}') = ? and unread is null order by entity_id`,
      )
      .all(entity, value)
      .map((row) => JSON.parse(row.data) as FeedView<E>);
  }

  /** Cached orders whose `shippedAt` is in [from, to) (ISO instants compare as text); indexed. */
  cachedShippedBetween(from: string, to: string): FeedView<'order'>[] {
    return this.db
      .prepare<[string, string], { data: string }>(
        `select data from cache where entity = 'order' and json_extract(data, '$.shippedAt') >= ? and json_extract(data, '$.shippedAt') < ? and unread is null order by entity_id`,
      )
      .all(from, to)
      .map((row) => JSON.parse(row.data) as FeedView<'order'>);
  }

  /** Changes kept as the hub sent them because this station cannot read them, with the reason. */
  /** How many cached changes this station keeps unread (a newer hub's entities or shapes). */
  unreadCount(): number {
    return this.db.prepare<[], { n: number }>('select count(*) as n from cache where unread is not null').get()?.n ?? 0;
  }

  unreadCached(): { entity: string; entityId: string; data: unknown; reason: string }[] {
    return this.db
      .prepare<[], { entity: string; entity_id: string; data: string; unread: string }>(
        'select entity, entity_id, data, unread from cache where unread is not null order by entity, entity_id',
      )
      .all()
      .map((row) => ({ entity: row.entity, entityId: row.entity_id, data: JSON.parse(row.data) as unknown, reason: row.unread }));
  }

  /** Events of these kinds that occurred at or after `since` (an ISO instant), oldest first, refused ones included. */
  eventsOfKindsSince(kinds: readonly string[], since: string): OutboxEntry[] {
    const marks = kinds.map(() => '?').join(', ');
    return this.db
      .prepare<string[], OutboxRow>(`select * from outbox where kind in (${marks}) and occurred_at >= ? order by seq`)
      .all(...kinds, since)
      .map(toEntry);
  }

  /** The events of these kinds about one order (payload.orderId), oldest first, refused ones included. */
  orderEvents(kinds: readonly string[], orderId: string): OutboxEntry[] {
    const marks = kinds.map(() => '?').join(', ');
    return this.db
      .prepare<string[], OutboxRow>(`select * from outbox where json_extract(payload, '$.orderId') = ? and kind in (${marks}) order by seq`)
      .all(orderId, ...kinds)
      .map(toEntry);
  }

  /** The events of these kinds about one bundle (payload.bundleId), oldest first, refused ones included. */
  bundleEvents(kinds: readonly string[], bundleId: string): OutboxEntry[] {
    const marks = kinds.map(() => '?').join(', ');
    return this.db
      .prepare<string[], OutboxRow>(`select * from outbox where json_extract(payload, '$.bundleId') = ? and kind in (${marks}) order by seq`)
      .all(bundleId, ...kinds)
      .map(toEntry);
  }

  /** The events of these kinds the hub has not answered yet, oldest first. */
  pendingOfKinds(kinds: readonly string[]): OutboxEntry[] {
    const marks = kinds.map(() => '?').join(', ');
    return this.db
      .prepare<string[], OutboxRow>(`select * from outbox where state = 'pending' and kind in (${marks}) order by seq`)
      .all(...kinds)
      .map(toEntry);
  }

  /**
   * Every event of these kinds this station has recorded after `afterSeq` (all of them by default), oldest first,
   * refused ones included (callers decide).
   */
  eventsOfKinds(kinds: readonly string[], afterSeq = 0): OutboxEntry[] {
    const marks = kinds.map(() => '?').join(', ');
    return this.db
      .prepare<(string | number)[], OutboxRow>(`select * from outbox where kind in (${marks}) and seq > ? order by seq`)
      .all(...kinds, afterSeq)
      .map(toEntry);
  }

  /** Every readable cached row of a known entity, typed by the feed's schema. */
  cached<E extends FeedEntity>(entity: E): FeedView<E>[] {
    return this.db
      .prepare<[string], { data: string }>('select data from cache where entity = ? and unread is null order by entity_id')
      .all(entity)
      .map((row) => JSON.parse(row.data) as FeedView<E>);
  }

  close(): void {
    this.db.close();
  }
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    eventId: row.event_id,
    seq: row.seq,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    occurredAt: row.occurred_at,
    userId: row.user_id,
    state: row.state,
    reason: row.reason,
    message: row.message,
  };
}

/** Why a change cannot be read by this station (an unknown entity, or data not in its entity's shape); null if it can. */
function unreadReason(entity: string, data: unknown): string | null {
  const check = checkFeedData(entity, data);
  if (!check.known) return 'unknown-entity';
  return check.problem;
}
