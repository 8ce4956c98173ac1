/** PDF works in points (1/72 in), labels are specified in millimetres, thermal printers count dots. */

export const pointsPerInch = 72;
export const mmPerInch = 25.4;
/** The resolution of the thermal label printers on the floor (8 dots per mm). */
export const thermalDpi = 203;

export function mmToPt(mm: number): number {
  return (mm / mmPerInch) * pointsPerInch;
}

export function ptToMm(pt: number): number {
  return (pt / pointsPerInch) * mmPerInch;
}

export function ptToDots(pt: number, dpi: number = thermalDpi): number {
  return (pt / pointsPerInch) * dpi;
}

export function dotsToPt(dots: number, dpi: number = thermalDpi): number {
  return (dots / dpi) * pointsPerInch;
}
