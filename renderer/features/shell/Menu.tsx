import { useTranslation } from 'react-i18next';
import { areasByRole, type Role } from '../../../shared/domain/roles';
import { readyAreas } from './area-screens';
import { useNavigation } from './navigation-store';

/** The work areas of the signed-in role, as large tiles; areas still being built are shown but cannot be opened. */
export function Menu({ role }: { role: Role }) {
  const { t } = useTranslation();
  const open = useNavigation((state) => state.open);
  const areas = areasByRole[role];
  const firstReady = areas.find((area) => readyAreas.has(area));
  return (
    <section className="screen" data-testid="menu" aria-labelledby="menu-title">
      <h1 id="menu-title">{t('app.menu')}</h1>
      <div className="tile-grid">
        {areas.map((area) => {
          const ready = readyAreas.has(area);
          return (
            <button
              key={area}
              type="button"
              className="tile"
              disabled={!ready}
              autoFocus={area === firstReady}
              data-testid={`area-${area}`}
              onClick={() => open(area)}
            >
              <span className="tile-title">{t(`areas.${area}`)}</span>
              {ready ? null : <span className="tile-sub">{t('app.comingSoon')}</span>}
            </button>
          );
        })}
      </div>
    </section>
  );
}
