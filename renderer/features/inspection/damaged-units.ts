import type { InspectionView } from '../../../shared/contract/receiving';

/**
 * The damaged units keyed at the end of inspection, per line given the reason 'damaged': a whole number from 0 to the
 * line's counted units, or the first line that is not (the clerk is told, nothing is sent). Blank sends none.
 */
export function damagedLines(
  reasons: Record<string, string>,
  keyed: Record<string, string>,
  view: InspectionView,
): { ok: true; units(lineId: string): { damagedUnits?: number } } | { ok: false; counted: number } {
  const units = new Map<string, number>();
  for (const [lineId, reason] of Object.entries(reasons)) {
    const text = (keyed[lineId] ?? '').trim();
    if (reason !== 'damaged' || text === '') continue;
    const counted = view.lines.find((line) => line.lineId === lineId)?.counted ?? 0;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value > counted) return { ok: false, counted };
    units.set(lineId, value);
  }
  return { ok: true, units: (lineId) => (units.has(lineId) ? { damagedUnits: units.get(lineId)! } : {}) };
}
