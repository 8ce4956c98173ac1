import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain/roles';
import { InspectionScreen } from '../inspection/InspectionScreen';
import { ManifestScreen } from '../manifest/ManifestScreen';
import { PackScreen } from '../packing/PackScreen';
import { PickScreen } from '../picking/PickScreen';
import { PutawayScreen } from '../putaway/PutawayScreen';
import { DockScreen } from '../receiving/DockScreen';
import { ScanCheckScreen } from '../scanning/ScanCheckScreen';
import { StationSettingsScreen } from '../station-settings/StationSettingsScreen';
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
  return (
    <>
      <nav className="crumbs">
        <button type="button" className="secondary" data-testid="back-to-menu" onClick={() => open(null)}>
          {t('app.backToMenu')}
        </button>
      </nav>
      {area === 'scan-check' ? <ScanCheckScreen /> : area === 'receiving' ? <DockScreen /> : area === 'inspection' ? <InspectionScreen /> : area === 'station-settings' ? <StationSettingsScreen /> : area === 'packing' ? <PackScreen /> : area === 'picking' ? <PickScreen /> : area === 'putaway' ? <PutawayScreen /> : area === 'manifest' ? <ManifestScreen /> : <p>{t('app.comingSoonBody')}</p>}
    </>
  );
}
