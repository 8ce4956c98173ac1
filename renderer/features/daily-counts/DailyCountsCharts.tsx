import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { useDisplayTime } from '../../ui/display-time';

/** The series colours: the screen's own good / done / warn tones, so a chart reads like the rest of the floor. */
const colours = { counted: '#1f6fd1', picked: '#b7791f', shipped: '#1e9e4a', late: '#d0312d' } as const;

/**
 * The day by Tokyo hour (units counted, items picked, parcels shipped) and the last 14 days (received, shipped, late),
 * drawn as SVG by Recharts: no script or style is injected, so the station's CSP (scripts from our files only) holds.
 * No animation: the floor screen shows figures, and a test or a screenshot sees them drawn at once.
 */
export function DailyCountsCharts({ counts }: { counts: DailyCountsView }) {
  const { t } = useTranslation();
  const { day } = useDisplayTime();
  const hours = counts.byHour.map((hour) => ({ ...hour, label: t('dailyCounts.charts.hour', { hour: hour.hour }) }));
  const days = counts.lastDays.map((entry) => ({ ...entry, label: day(entry.date).replace(/^\d{4}\D/, '') }));
  return (
    <div className="daily-charts">
      <section className="report" data-testid="daily-chart-by-hour" aria-labelledby="daily-chart-by-hour-title">
        <h2 id="daily-chart-by-hour-title">{t('dailyCounts.sections.byHour')}</h2>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={hours} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" interval={1} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend />
            <Bar dataKey="unitsCounted" name={t('dailyCounts.charts.unitsCounted')} fill={colours.counted} isAnimationActive={false} />
            <Bar dataKey="itemsPicked" name={t('dailyCounts.charts.itemsPicked')} fill={colours.picked} isAnimationActive={false} />
            <Bar dataKey="parcelsShipped" name={t('dailyCounts.charts.parcelsShipped')} fill={colours.shipped} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section className="report" data-testid="daily-chart-last-days" aria-labelledby="daily-chart-last-days-title">
        <h2 id="daily-chart-last-days-title">{t('dailyCounts.sections.lastDays')}</h2>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={days} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="received"
              name={t('dailyCounts.charts.received')}
              stroke={colours.counted}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line type="monotone" dataKey="shipped" name={t('dailyCounts.charts.shipped')} stroke={colours.shipped} strokeWidth={2} isAnimationActive={false} />
            <Line type="monotone" dataKey="late" name={t('dailyCounts.charts.late')} stroke={colours.late} strokeWidth={2} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </section>
    </div>
  );
}
