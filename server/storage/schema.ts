import type { Generated } from 'kysely';

/**
 * The hub's tables as Kysely sees them. Times are ISO-8601 UTC strings and calendar dates `YYYY-MM-DD` (the same
 * text on SQLite and PostgreSQL); flags are 0/1 integers; money is integer JPY.
 */
type Flag = number;

export interface BranchesTable {
  code: string;
  name: string;
}

export interface SellersTable {
  id: string;
  name: string;
  balance_jpy: number;
  /** Set while fees are unpaid past the 20th: orders are held. */
  suspended: Flag;
  created_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  role: string;
  seller_id: string | null;
  pin_hash: string;
  badge: string | null;
  created_at: string;
  /** Set when the user may no longer sign in (migration 0011). */
  disabled_at: Generated<string | null>;
  /** Moves on with every new PIN or badge: stations forget a cached credential of an older version. */
  credentials_version: Generated<number>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  expires_at: string;
}

export interface StationsTable {
  id: string;
  name: string;
  branch_code: string;
  secret_hash: string;
  created_at: string;
  /** As the station last reported them (step 0012); null until it has. */
  outbox_waiting: Generated<number | null>;
  print_problems: Generated<number | null>;
  reported_at: Generated<string | null>;
  /** The last push, pull or report it made (step 0012). */
  last_contact_at: Generated<string | null>;
}

export interface InventoryItemsTable {
  code: string;
  seller_id: string;
  name: string;
  seller_item_code: string | null;
  /** The manual's 另一支库存管理可用性: must be on for Excel inbound. */
  separate_inventory: Flag;
  created_at: string;
}

export interface InventoryOptionsTable {
  sku: string;
  inventory_code: string;
  option_code: string;
  name: string;
  seller_sku_code: string | null;
  extra_price_jpy: number;
  currency: string;
  jan: string | null;
  length_cm: number | null;
  width_cm: number | null;
  height_cm: number | null;
  weight_g: number | null;
  created_at: string;
}

export interface ListingsTable {
  id: string;
  seller_id: string;
  title: string;
}

export interface ListingLinksTable {
  listing_id: string;
  sku: string;
  option_label: string;
}

export interface CargoBundlesTable {
  id: string;
  seller_id: string;
  branch_code: string;
  state: string;
  estimated_arrival: string;
  carrier: string | null;
  tracking_no: string | null;
  box_count: number | null;
  boxes_received: number;
  arrived_at: string | null;
  completed_at: string | null;
  hold_reason: string | null;
  reject_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface InboundLinesTable {
  id: string;
  seller_id: string;
  sku: string;
  branch_code: string;
  quantity: number;
  description: string | null;
  bundle_id: string | null;
  counted: number | null;
  created_at: string;
}

export interface StockBalancesTable {
  sku: string;
  branch_code: string;
  /** Sellable units: what allocation promises. */
  quantity: number;
  /** Damaged units held apart (step 0013): never allocated. */
  damaged: Generated<number>;
}

export interface StockMovementsTable {
  id: Generated<number>;
  sku: string;
  branch_code: string;
  kind: string;
  quantity: number;
  reference: string | null;
  station_event_id: string | null;
  /** When the hub recorded it; the key gives the order of arrival. */
  created_at: string;
  /** When it happened on the floor (step 0010): a floor event's time, or `created_at` for the hub's own movements. */
  occurred_at: string | null;
  /** The balance it moves (step 0013): `sellable` (stock_balances.quantity) or `damaged` (stock_balances.damaged). */
  condition: Generated<string>;
}

export interface OrdersTable {
  id: string;
  seller_id: string;
  source: string;
  order_no: string;
  cart_no: string | null;
  listing_id: string | null;
  sku: string | null;
  option_label: string | null;
  quantity: number;
  recipient_name: string;
  recipient_phone: string;
  postal_code: string;
  address: string;
  delivery_method: string | null;
  time_slot: string | null;
  desired_ship_date: string | null;
  paid_at: string;
  ships_within_14_days: Flag;
  state: string;
  branch_code: string | null;
  allocated_at: string | null;
  tracking_no: string | null;
  service: string | null;
  /** The Sagawa time slot printed on the label (step 0008): set when packed, cleared when the label is voided. */
  label_time_slot: string | null;
  /** Floor times of the pick and the pack (step 0010), null for orders that passed those steps before it. */
  picked_at: string | null;
  packed_at: string | null;
  /** When the parcel was scanned out on the floor (the floor event's time since step 0010, not its arrival). */
  shipped_at: string | null;
  created_at: string;
}

export interface TrackingCounterTable {
  name: string;
  next_serial: number;
}

export interface TrackingBlocksTable {
  id: Generated<number>;
  station_id: string;
  first_serial: number;
  count: number;
  issued_at: string;
}

export interface TrackingUploadsTable {
  order_id: string;
  tracking_no: string;
  carrier: string;
  queued_at: string;
  exported_at: string | null;
}

export interface FeeSchedulesTable {
  branch_code: string;
  fee_kind: string;
  size_class: string;
  amount_jpy: number;
}

export interface FeeChargesTable {
  id: Generated<number>;
  seller_id: string;
  kind: string;
  amount_jpy: number;
  reference: string | null;
  created_at: string;
}

export interface ChangesTable {
  seq: Generated<number>;
  branch_code: string | null;
  seller_id: string | null;
  entity: string;
  entity_id: string;
  op: string;
  data: string;
  created_at: string;
}

export interface StationEventsTable {
  event_id: string;
  station_id: string;
  station_seq: number;
  kind: string;
  payload: string;
  outcome: string;
  reason: string | null;
  /** When the hub applied (or refused) it: the event's arrival. */
  applied_at: string;
  /** The floor time the station reported (step 0010), verbatim; null on receipts from before that step. */
  occurred_at: string | null;
  /** The user signed in at the station (step 0012); null for receipts from before it. */
  user_id: Generated<string | null>;
  /** The floor time as the hub took it (guarded, ISO), step 0012: the Tokyo day's text range runs over it. */
  floor_at: Generated<string | null>;
}

/**
 * What inspection noted besides the counts. `unknown-item` / `wrong-seller`: goods on none of the bundle's lines, with
 * the scanned `code` and the units found. `line-reason`: the clerk's reason (`code`: short, over, damaged, mixed,
 * other) for the line `line_id`, with `quantity` = counted − announced when inspection finished.
 */
export interface InspectionFindingsTable {
  id: Generated<number>;
  bundle_id: string;
  station_event_id: string;
  kind: 'unknown-item' | 'wrong-seller' | 'line-reason';
  line_id: string | null;
  code: string;
  quantity: number;
  note: string | null;
  created_at: string;
}

/** A tracking number whose label was voided on the floor: never printed on a parcel again. */
export interface VoidedTrackingNumbersTable {
  tracking_no: string;
  order_id: string;
  station_id: string;
  station_event_id: string;
  reason: string;
  voided_at: string;
}

/** Where a SKU is shelved at a branch: one bin per SKU and branch, set at putaway (scan the SKU, then the bin). */
export interface SkuLocationsTable {
  branch_code: string;
  sku: string;
  /** `A-01-02-03`: zone, aisle, rack, level (shared/domain/bin-locations.ts). */
  bin: string;
  updated_at: string;
  /** The user who placed it on the floor; null when set by a tool or the demo data. */
  updated_by: string | null;
}

/** A pick list (step 0007): a batch of a branch's due orders, made on the floor. */
export interface PickListsTable {
  id: string;
  branch_code: string;
  created_at: string;
  created_by: string | null;
}

/** The orders of a pick list, in priority order; an order is on one list at most. */
export interface PickListOrdersTable {
  pick_list_id: string;
  order_id: string;
  position: number;
}

/** A supervisor's count of one SKU at a branch (step 0013), applied or with nothing to apply (variance 0). */
export interface StockCountsTable {
  id: Generated<number>;
  branch_code: string;
  sku: string;
  bin: string | null;
  /** What the station's book said when counting, what was found, and counted − book. */
  book: number;
  counted: number;
  variance: number;
  reason: string;
  note: string | null;
  counted_by: string | null;
  second_approver_id: string | null;
  station_event_id: string;
  counted_at: string;
  created_at: string;
}

/** One run of the daily reconciliation (step 0013). */
export interface ReconciliationRunsTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string;
  balances_checked: number;
  mismatch_count: number;
}

/** A balance that differed from the sum of its ledger at a reconciliation run: both figures, never corrected. */
export interface StockMismatchesTable {
  id: Generated<number>;
  run_id: number;
  sku: string;
  branch_code: string;
  condition: string;
  stock: number;
  ledger: number;
  checked_at: string;
}

/** Failed sign-ins per account or station and when a lock ends (step 0014, server/services/sign-in-guard.ts). */
export interface SignInGuardsTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

/** Append-only audit log (step 0014, server/services/audit/audit-log.ts). */
export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  kind: string;
  outcome: string;
  user_id: string | null;
  user_name: string | null;
  station_id: string | null;
  method: string | null;
  reason: string | null;
  detail: string | null;
}

export interface HubDatabase {
  branches: BranchesTable;
  sellers: SellersTable;
  users: UsersTable;
  sessions: SessionsTable;
  stations: StationsTable;
  inventory_items: InventoryItemsTable;
  inventory_options: InventoryOptionsTable;
  listings: ListingsTable;
  listing_links: ListingLinksTable;
  cargo_bundles: CargoBundlesTable;
  inbound_lines: InboundLinesTable;
  stock_balances: StockBalancesTable;
  stock_movements: StockMovementsTable;
  orders: OrdersTable;
  tracking_counter: TrackingCounterTable;
  tracking_blocks: TrackingBlocksTable;
  tracking_uploads: TrackingUploadsTable;
  fee_schedules: FeeSchedulesTable;
  fee_charges: FeeChargesTable;
  changes: ChangesTable;
  station_events: StationEventsTable;
  inspection_findings: InspectionFindingsTable;
  voided_tracking_numbers: VoidedTrackingNumbersTable;
  sku_locations: SkuLocationsTable;
  pick_lists: PickListsTable;
  pick_list_orders: PickListOrdersTable;
  stock_counts: StockCountsTable;
  reconciliation_runs: ReconciliationRunsTable;
  stock_mismatches: StockMismatchesTable;
  sign_in_guards: SignInGuardsTable;
  audit_log: AuditLogTable;
}
