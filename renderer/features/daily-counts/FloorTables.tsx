import { useTranslation } from 'react-i18next';
import { branchNames } from '../../../shared/domain/identifiers';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { useDisplayTime } from '../../ui/display-time';
import { ScanRow, ScanTable } from '../../ui/ScanTable';

/** The stations (outbox, print problems, last contact) and the people (their day, and by hour). */
export function Floor({ counts }: { counts: DailyCountsView }) {
  const { t } = useTranslation();
  const { dateTime } = useDisplayTime();
  const orDash = (value: number | null) => (value === null ? t('dailyCounts.unknown') : value);
  return (
    <>
      <section className="report" data-testid="daily-stations" aria-labelledby="daily-stations-title">
        <h2 id="daily-stations-title">{t('dailyCounts.sections.stations')}</h2>
        <ScanTable
          headers={[
            t('dailyCounts.columns.station'),
            t('dailyCounts.columns.outbox'),
            t('dailyCounts.columns.printProblems'),
            t('dailyCounts.columns.lastContact'),
          ]}
        >
          {counts.stations.map((station) => (
            <ScanRow
              key={station.stationId}
              testId={`daily-station-${station.stationId}`}
              tone={(station.outboxWaiting ?? 0) > 0 || (station.printProblems ?? 0) > 0 ? 'bad' : null}
            >
              <td>
                {station.name} <span className="code hint">{station.stationId}</span>
              </td>
              <td>{orDash(station.outboxWaiting)}</td>
              <td>{orDash(station.printProblems)}</td>
              <td>{station.lastContactAt ? dateTime(station.lastContactAt) : t('dailyCounts.never')}</td>
            </ScanRow>
          ))}
        </ScanTable>
      </section>
      <section className="report" data-testid="daily-people" aria-labelledby="daily-people-title">
        <h2 id="daily-people-title">{t('dailyCounts.sections.people')}</h2>
        <ScanTable
          headers={[
            t('dailyCounts.columns.person'),
            t('dailyCounts.columns.unitsCounted'),
            t('dailyCounts.columns.itemsPicked'),
            t('dailyCounts.columns.parcelsPacked'),
            t('dailyCounts.sections.byHour'),
          ]}
        >
          {counts.people.map((person) => (
            <ScanRow
              key={person.userId}
              testId={`daily-person-${person.userId}`}
              data={{ 'data-units': person.unitsCounted, 'data-picked': person.itemsPicked, 'data-packed': person.parcelsPacked }}
            >
              <td>{person.name}</td>
              <td>{person.unitsCounted}</td>
              <td>{person.itemsPicked}</td>
              <td>{person.parcelsPacked}</td>
              <td className="hint">
                {person.byHour.unitsCounted
                  .map((units, hour) => ({ hour, units, picked: person.byHour.itemsPicked[hour] ?? 0, packed: person.byHour.parcelsPacked[hour] ?? 0 }))
                  .filter((entry) => entry.units + entry.picked + entry.packed > 0)
                  .map((entry) => `${t('dailyCounts.charts.hour', { hour: entry.hour })} ${entry.units} / ${entry.picked} / ${entry.packed}`)
                  .join(' · ')}
              </td>
            </ScanRow>
          ))}
        </ScanTable>
      </section>
    </>
  );
}

/** SKUs whose stock differs from their ledger at the last reconciliation: shown, never fixed silently. */
export function Mismatches({ counts }: { counts: DailyCountsView }) {
  const { t } = useTranslation();
  const { dateTime } = useDisplayTime();
  return (
    <section className="report" data-testid="daily-mismatches" aria-labelledby="daily-mismatches-title">
      <h2 id="daily-mismatches-title">{t('dailyCounts.sections.mismatches')}</h2>
      {counts.mismatches.length === 0 ? (
        <p className="hint">{t('dailyCounts.noMismatches')}</p>
      ) : (
        <ScanTable
          headers={[
            t('dailyCounts.columns.sku'),
            t('dailyCounts.branch'),
            t('dailyCounts.columns.condition'),
            t('dailyCounts.columns.stock'),
            t('dailyCounts.columns.ledger'),
            t('dailyCounts.columns.checkedAt'),
          ]}
        >
          {counts.mismatches.map((mismatch) => (
            <ScanRow
              key={`${mismatch.sku}-${mismatch.branchCode}-${mismatch.condition}`}
              testId={`daily-mismatch-${mismatch.sku}-${mismatch.condition}`}
              tone="bad"
            >
              <td className="code">{mismatch.sku}</td>
              <td>{branchNames[mismatch.branchCode] ?? mismatch.branchCode}</td>
              <td>{t(`dailyCounts.conditions.${mismatch.condition}`)}</td>
              <td>{mismatch.stock}</td>
              <td>{mismatch.ledger}</td>
              <td>{dateTime(mismatch.checkedAt)}</td>
            </ScanRow>
          ))}
        </ScanTable>
      )}
    </section>
  );
}
