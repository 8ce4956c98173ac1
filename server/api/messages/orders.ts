import type { MessageCatalog } from './catalog';

export const orderMessages: MessageCatalog = {};
