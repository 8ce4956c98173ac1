import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DailyCountFigure } from '../../../shared/hub/routes/daily-counts';
import { useDailyCounts } from './daily-counts-store';

/** A number that opens the list behind it. */
export function Figure({ figure, value, testId }: { figure: DailyCountFigure; value: number; testId?: string }) {
  const drill = useDailyCounts((state) => state.drill);
  const open = useDailyCounts((state) => state.open);
  return (
    <button
      type="button"
      className={`figure-number${open === figure ? ' active' : ''}`}
      data-testid={testId ?? `daily-figure-${figure}`}
      data-value={value}
      onClick={() => drill(figure)}
    >
      {value}
    </button>
  );
}

/** One labelled figure of a section. */
export function FigureRow({ figure, value, children }: { figure: DailyCountFigure; value: number; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="figure-row">
      <span>{t(`dailyCounts.figures.${figure}`)}</span>
      <Figure figure={figure} value={value} />
      {children ? <div className="hint">{children}</div> : null}
    </li>
  );
}
