import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain/roles';
import { areaScreens } from './area-screens';
import { Menu } from './Menu';
import { useNavigation } from './navigation-store';

/** The signed-in screen: the menu, or the open area; Escape always leads back to the menu. */
export function Workspace({ role }: { role: Role }) {
  const { t } = useTranslation();
  const area = useNavigation((state) => state.area);
  const open = useNavigation((state) => state.open);

  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => event.key === 'Escape' && open(null);
    window.addEventListener('keydown', onEscape);
    return () => window.removeEventListener('keydown', onEscape);
  }, [open]);

  if (area === null) return <Menu role={role} />;
  const Screen = areaScreens[area];
  return (
    <>
      <nav className="crumbs">
        <button type="button" className="secondary" data-testid="back-to-menu" onClick={() => open(null)}>
          {t('app.backToMenu')}
        </button>
      </nav>
      {Screen ? <Screen /> : <p>{t('app.comingSoonBody')}</p>}
    </>
  );
}
