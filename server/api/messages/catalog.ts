import type { HubLanguage } from '../../../shared/hub/hub-roles';

/** One message per code, in every language the hub speaks; `{name}` marks a parameter. */
export type MessageCatalog = Record<string, Record<HubLanguage, string>>;
