/**
 * Checked by `tsc -b` (npm run typecheck), never bundled: shows that translation keys are typed. Each line marked
 * @ts-expect-error must fail to compile; if keys stopped being typed, the marker itself becomes the error.
 */
import i18next from 'i18next';
import type { StationErrorCode } from '../../shared/contract/errors';

const t = i18next.t;

export const known: string[] = [t('areas.receiving'), t('receiving.arrived', { id: 'IB00000001', seller: 'さくら' })];

// @ts-expect-error a misspelt key ("recieving") is not a key of ja.json
export const misspelt: string = t('areas.recieving');

// @ts-expect-error a key of a section that does not exist
export const missing: string = t('nowhere.title');

// A template-literal key is checked for every value its part can take.
export const byCode = (code: StationErrorCode): string => t(`errors.${code}`);

// @ts-expect-error a part typed only as string could be anything: not a known key
export const untyped = (anything: string): string => t(`errors.${anything}`);
