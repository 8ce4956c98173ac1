import { inboundTemplate, type InboundRow } from './inbound';
import { optionsTemplate, type OptionRow } from './options';
import { shipmentsTemplate, type ShipmentRow } from './shipments';

export type { InboundRow, OptionRow, ShipmentRow };

/** The typed row each template's import yields. */
export interface TemplateRows {
  options: OptionRow;
  inbound: InboundRow;
  shipments: ShipmentRow;
}

export const templates = {
  options: optionsTemplate,
  inbound: inboundTemplate,
  shipments: shipmentsTemplate,
} as const;
