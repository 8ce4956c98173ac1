import type { HubLanguage } from '../../../shared/hub/hub-roles';
import type { ExplainRefusal } from '../../services/refusal';
import { accessMessages } from './access';
import type { MessageCatalog } from './catalog';
import { coreMessages } from './core';
import { excelImportMessages } from './excel';
import { inventoryMessages } from './inventory';
import { orderMessages } from './orders';
import { packingMessages } from './packing';
import { pickingMessages } from './picking';
import { receivingMessages } from './receiving';
import { stockMessages } from './stock';
import { syncMessages } from './sync';

export const hubMessages: MessageCatalog = {
  ...coreMessages,
  ...inventoryMessages,
  ...orderMessages,
  ...syncMessages,
  ...excelImportMessages,
  ...receivingMessages,
  ...packingMessages,
  ...pickingMessages,
  ...stockMessages,
  ...accessMessages,
};

/** The caller-facing sentence for a code; an unknown code falls back to the code itself so nothing is hidden. */
export function hubMessage(code: string, language: HubLanguage, params: Record<string, string | number> = {}): string {
  const template = hubMessages[code]?.[language] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The sentences of one language, for a service that words its refusals without knowing languages (pushes, imports). */
export function explainIn(language: HubLanguage): ExplainRefusal {
  return (code, params) => hubMessage(code, language, params);
}
