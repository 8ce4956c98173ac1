/** Floor roles, and the work areas each one sees in its menu. */
export const roles = ['clerk', 'packer', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const workAreas = [
  'scan-check',
  'receiving',
  'inspection',
  'putaway',
  'sku-labels',
  'picking',
  'packing',
  'manifest',
  'daily-counts',
  'stock-count',
  'station-settings',
  'admin',
] as const;
export type WorkArea = (typeof workAreas)[number];

/** A supervisor sees every floor area, the day's figures and the station's settings; an admin sees these too. */
const supervisorAreas: readonly WorkArea[] = [
  'daily-counts',
  'stock-count',
  'receiving',
  'inspection',
  'putaway',
  'sku-labels',
  'picking',
  'packing',
  'manifest',
  'station-settings',
  'scan-check',
];

export const areasByRole: Record<Role, readonly WorkArea[]> = {
  clerk: ['receiving', 'inspection', 'putaway', 'sku-labels', 'scan-check'],
  packer: ['picking', 'packing', 'manifest', 'scan-check'],
  supervisor: supervisorAreas,
  admin: ['admin', ...supervisorAreas],
};

/** The roles whose menu has this area. */
export const rolesInArea = (area: WorkArea): readonly Role[] => roles.filter((role) => areasByRole[role].includes(area));
