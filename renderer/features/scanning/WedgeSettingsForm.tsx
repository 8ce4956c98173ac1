import { useTranslation } from 'react-i18next';
import type { KeyboardLayout } from '../../../shared/scanning/keyboard-layouts';
import { useWedgeSettings } from './wedge-settings-store';

const limits = { maxGapMs: [5, 500], maxMedianGapMs: [2, 100], minLength: [2, 64], unfinishedAfterMs: [50, 2000] } as const;
type NumericSetting = keyof typeof limits;

export function WedgeSettingsForm() {
  const { t } = useTranslation();
  const settings = useWedgeSettings((state) => state.settings);
  const update = useWedgeSettings((state) => state.update);

  const numberField = (key: NumericSetting, label: string) => (
    <label>
      {label}
      <input
        type="number"
        min={limits[key][0]}
        max={limits[key][1]}
        value={settings[key]}
        data-testid={`setting-${key}`}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (Number.isInteger(value) && value >= limits[key][0] && value <= limits[key][1]) update({ [key]: value });
        }}
      />
    </label>
  );

  return (
    <details className="settings">
      <summary>{t('settings.title')}</summary>
      {numberField('maxGapMs', t('settings.maxGap'))}
      {numberField('maxMedianGapMs', t('settings.maxMedianGap'))}
      {numberField('minLength', t('settings.minLength'))}
      {numberField('unfinishedAfterMs', t('settings.unfinishedAfter'))}
      <label>
        {t('settings.layout')}
        <select value={settings.layout} onChange={(event) => update({ layout: event.target.value as KeyboardLayout })}>
          <option value="us">{t('settings.layouts.us')}</option>
          <option value="jis">{t('settings.layouts.jis')}</option>
        </select>
      </label>
    </details>
  );
}
