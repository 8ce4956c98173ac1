import { describe, expect, it } from 'vitest';
import { damagedLines } from '../../../renderer/features/inspection/damaged-units';
import { parseCount, signed } from '../../../renderer/features/stock-count/count-input';
import type { InspectionView } from '../../../shared/contract/receiving';

describe('keyed counts on the floor', () => {
  it('takes a whole number of units from 0 to 100000 and nothing else', () => {
    expect(['0', ' 12 ', '100000'].map(parseCount)).toEqual([0, 12, 100_000]);
    expect(['-1', '2.5', '1e3', '', 'abc', '100001'].map(parseCount)).toEqual([null, null, null, null, null, null]);
    expect([3, 0, -3].map(signed)).toEqual(['+3', '0', '-3']);
  });

  it('sends damaged units only for lines given the reason damaged, from 0 to the units counted', () => {
    const view = {
      lines: [
        { lineId: 'a', counted: 4 },
        { lineId: 'b', counted: 2 },
      ],
    } as unknown as InspectionView;
    const ok = damagedLines({ a: 'damaged', b: 'short' }, { a: '3', b: '1' }, view);
    expect(ok.ok && [ok.units('a'), ok.units('b')]).toEqual([{ damagedUnits: 3 }, {}]);
    const blank = damagedLines({ a: 'damaged' }, {}, view);
    expect(blank.ok && blank.units('a')).toEqual({});
    expect(damagedLines({ a: 'damaged' }, { a: '5' }, view)).toEqual({ ok: false, counted: 4 });
    expect(damagedLines({ a: 'damaged' }, { a: '-1' }, view)).toEqual({ ok: false, counted: 4 });
  });
});
