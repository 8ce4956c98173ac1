import type { MessageCatalog } from './catalog';

export const syncMessages: MessageCatalog = {};
