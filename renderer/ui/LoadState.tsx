import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';
import type { StationLoad } from './use-station';

/**
 * Stands where a loaded list goes while there is nothing to show: "loading" until the first answer, or the station's
 * refusal in the user's language with a button to ask again. Draws nothing once there is an answer.
 */
export function LoadState({ load, testId }: { load: StationLoad<unknown>; testId: string }) {
  const { t } = useTranslation();
  if (load.error) {
    return (
      <p className="result bad" role="alert" data-testid={`${testId}-refused`}>
        {errorText(t, load.error)}{' '}
        <button type="button" className="secondary" data-testid={`${testId}-retry`} onClick={load.reload}>
          {t('stationCall.retry')}
        </button>
      </p>
    );
  }
  if (load.loading && load.data === null) {
    return (
      <p className="waiting" data-testid={`${testId}-loading`}>
        {t('stationCall.loading')}
      </p>
    );
  }
  return null;
}
