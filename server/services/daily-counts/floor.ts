import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { branchStations, num, payloadInt, payloadText, tokyoHourOfUtc, utcHour, type Day } from './day';
import { ordersIn } from './outbound';

type Person = DailyCountsView['people'][number];

/** Every station of the branch (or all), with what it last reported and when it last called. */
export async function stationFloor(day: Day): Promise<DailyCountsView['stations']> {
  let query = day.db
    .selectFrom('stations')
    .select(['id', 'name', 'branch_code', 'outbox_waiting', 'print_problems', 'last_contact_at'])
    .orderBy('branch_code')
    .orderBy('id');
  if (day.branchCode) query = query.where('branch_code', '=', day.branchCode);
  return (await query.execute()).map((row) => ({
    stationId: row.id,
    name: row.name,
    branchCode: row.branch_code,
    outboxWaiting: row.outbox_waiting,
    printProblems: row.print_problems,
    lastContactAt: row.last_contact_at,
  }));
}

const workKinds = ['inspection.counted', 'order.picked', 'order.packed'] as const;

/**
 * The floor's work of the day as its events say it, per user and Tokyo hour: units counted (inspection.counted,
 * undos netted), items picked (order.picked) and parcels packed (distinct tracking numbers of order.packed, so a cart's
 * orders in one box are one parcel). Applied events only, by their floor time; one grouped, indexed query.
 */
async function floorWork(day: Day) {
  const hour = utcHour('station_events.floor_at');
  let query = day.db
    .selectFrom('station_events')
    .select((eb) => [
      'kind',
      'user_id',
      hour.as('utc_hour'),
      eb.fn.sum(payloadInt(day.dialect, 'quantity')).as('units'),
      eb.fn.count(payloadText(day.dialect, 'trackingNumber')).distinct().as('parcels'),
    ])
    .where('kind', 'in', workKinds)
    .where('floor_at', '>=', day.from)
    .where('floor_at', '<', day.until)
    .where('outcome', '=', 'applied')
    .groupBy(['kind', 'user_id', hour]);
  if (day.branchCode) query = query.where('station_id', 'in', branchStations(day));
  return (await query.execute()).map((row) => ({
    kind: row.kind as (typeof workKinds)[number],
    userId: row.user_id,
    hour: tokyoHourOfUtc(row.utc_hour),
    units: num(row.units),
    parcels: num(row.parcels),
  }));
}

const zeros = () => Array.from({ length: 24 }, () => 0);

/** Per person (those signed in at a station when it happened), and the day by hour (everyone's, and parcels shipped). */
export async function peopleAndHours(day: Day): Promise<Pick<DailyCountsView, 'people' | 'byHour'>> {
  const [work, shipped] = await Promise.all([
    floorWork(day),
    ordersIn(day, 'shipped_at')
      .select((eb) => [utcHour('shipped_at').as('utc_hour'), eb.fn.count('tracking_no').distinct().as('parcels')])
      .groupBy(utcHour('shipped_at'))
      .execute(),
  ]);
  const byHour = zeros().map((_, hour) => ({ hour, unitsCounted: 0, itemsPicked: 0, parcelsShipped: 0 }));
  const people = new Map<string, Person>();
  for (const row of work) {
    const slot = byHour[row.hour]!;
    if (row.kind === 'inspection.counted') slot.unitsCounted += row.units;
    if (row.kind === 'order.picked') slot.itemsPicked += row.units;
    if (!row.userId) continue;
    let person = people.get(row.userId);
    if (!person) {
      person = {
        userId: row.userId,
        name: row.userId,
        unitsCounted: 0,
        itemsPicked: 0,
        parcelsPacked: 0,
        byHour: { unitsCounted: zeros(), itemsPicked: zeros(), parcelsPacked: zeros() },
      };
      people.set(row.userId, person);
    }
    const figure = row.kind === 'inspection.counted' ? 'unitsCounted' : row.kind === 'order.picked' ? 'itemsPicked' : 'parcelsPacked';
    const value = figure === 'parcelsPacked' ? row.parcels : row.units;
    person.byHour[figure][row.hour]! += value;
  }
  for (const row of shipped) byHour[tokyoHourOfUtc(row.utc_hour)]!.parcelsShipped += num(row.parcels);
  // An hour's net count can be below zero (undos of the hour before); the figures are counts, so never negative.
  for (const slot of byHour) {
    slot.unitsCounted = Math.max(0, slot.unitsCounted);
    slot.itemsPicked = Math.max(0, slot.itemsPicked);
  }
  if (people.size > 0) {
    const users = await day.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', [...people.keys()])
      .execute();
    for (const user of users) people.get(user.id)!.name = user.name;
  }
  for (const person of people.values()) {
    for (const figure of ['unitsCounted', 'itemsPicked', 'parcelsPacked'] as const) {
      person.byHour[figure] = person.byHour[figure].map((value) => Math.max(0, value));
      person[figure] = person.byHour[figure].reduce((total, value) => total + value, 0);
    }
  }
  return { people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId)), byHour };
}
