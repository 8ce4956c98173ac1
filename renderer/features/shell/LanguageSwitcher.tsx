import { useTranslation } from 'react-i18next';
import { languages, setLanguage } from '../../i18n/i18n';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('language.label')} className="languages">
      {languages.map((language) => (
        <button
          key={language.code}
          type="button"
          lang={language.code}
          aria-pressed={i18n.language === language.code}
          data-testid={`language-${language.code}`}
          onClick={() => setLanguage(language.code)}
        >
          {language.name}
        </button>
      ))}
    </div>
  );
}
