import { useTranslation } from 'react-i18next';
import { useSession } from './session-store';

/**
 * Says that the current user signed in with the hub away (against this station's cached credentials): a few things
 * that need the hub in the user's name, such as making pick lists, wait for a sign-in with the hub back.
 */
export function OfflineSignInMark() {
  const { t } = useTranslation();
  const offline = useSession((state) => state.session?.offline ?? false);
  if (!offline) return null;
  return (
    <span className="badge warn" data-testid="signed-in-offline" title={t('signIn.offlineMarkHint')}>
      {t('signIn.offlineMark')}
    </span>
  );
}
