import { useTranslation } from 'react-i18next';
import { useSession } from '../sign-in/session-store';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useNavigation } from './navigation-store';

export function Header() {
  const { t } = useTranslation();
  const session = useSession((state) => state.session);
  const signOut = useSession((state) => state.signOut);
  const open = useNavigation((state) => state.open);
  return (
    <header className="header">
      <span className="brand">{t('app.title')}</span>
      <LanguageSwitcher />
      {session ? (
        <span className="who">
          <span data-testid="signed-in-user">{t('app.signedInAs', { name: session.user.name, role: t(`roles.${session.user.role}`) })}</span>
          <button
            type="button"
            className="secondary"
            data-testid="sign-out"
            onClick={() => {
              open(null);
              void signOut();
            }}
          >
            {t('app.signOut')}
          </button>
        </span>
      ) : null}
    </header>
  );
}
