import { hubLanguages, type HubLanguage } from '../../shared/hub/hub-roles';

/** The hub answers in the caller's language (Accept-Language), Japanese when it names none we speak. */
export function languageOf(acceptLanguage: string | undefined): HubLanguage {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    const match = hubLanguages.find((language) => language.toLowerCase() === tag || tag.startsWith(`${language}-`));
    if (match) return match;
  }
  return 'ja';
}
