import type { TFunction } from 'i18next';
import type { InspectionFinding } from '../../../shared/contract/receiving';

/** A found item as labelled parts — item, seller, code — so nobody has to guess which bare text is which. */
export function findingDetails(t: TFunction, finding: InspectionFinding): string {
  const parts = [
    finding.itemName ? `${t('inspection.item')}: ${finding.itemName}${finding.optionName ? ` ${finding.optionName}` : ''}` : null,
    finding.sellerName ? `${t('receiving.seller')}: ${finding.sellerName}` : null,
    `${t('inspection.code')}: ${finding.code}`,
  ];
  return parts.filter((part) => part !== null).join(' ・ ');
}
