import type { MessageCatalog } from './catalog';

export const inventoryMessages: MessageCatalog = {};
