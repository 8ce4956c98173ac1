import { runCups } from './deliver-cups';

/**
 * The page sizes a CUPS queue's driver offers, as `lpoptions -l` lists them on its PageSize line (`Custom.WIDTHxHEIGHT`
 * when it takes any size), or null when it lists none (a raw queue, a driverless one, an unknown queue: lp decides).
 */
export async function queuePageSizes(queue: string, server: string | null, timeoutMs: number): Promise<string[] | null> {
  const result = await runCups('lpoptions', [...(server ? ['-h', server] : []), '-p', queue, '-l'], null, timeoutMs);
  if (result.code !== 0) return null;
  return parsePageSizes(result.stdout);
}

/** The PageSize choices of `lpoptions -l` output (the default marked with * there), or null without that line. */
export function parsePageSizes(lpoptions: string): string[] | null {
  const line = lpoptions.split('\n').find((one) => /^PageSize[/:]/.test(one));
  if (!line) return null;
  return line
    .slice(line.indexOf(':') + 1)
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((size) => size.replace(/^\*/, ''));
}

const pointsPerMm = 72 / 25.4;

/**
 * Whether a queue offering `sizes` prints a page of `media` (`A4`, or `Custom.<w>x<h>mm` as the station asks): by
 * name, by any custom size, or by a named size of the same dimensions (PPD names such as `w283h425`, in points).
 */
export function offersPage(sizes: readonly string[], media: string): boolean {
  const wanted = media.toLowerCase();
  if (sizes.some((size) => size.toLowerCase() === wanted || size.toLowerCase().startsWith(`${wanted}.`))) return true;
  const custom = /^custom\.(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)mm$/.exec(wanted);
  if (!custom) return false;
  if (sizes.some((size) => size.startsWith('Custom.'))) return true;
  const [width, height] = [Number(custom[1]) * pointsPerMm, Number(custom[2]) * pointsPerMm];
  return sizes.some((size) => {
    const named = /^w(\d+(?:\.\d+)?)h(\d+(?:\.\d+)?)/.exec(size);
    if (!named) return false;
    const [w, h] = [Number(named[1]), Number(named[2])];
    const near = (a: number, b: number) => Math.abs(a - b) <= 2;
    return (near(w, width) && near(h, height)) || (near(w, height) && near(h, width));
  });
}

/** `Custom.100x150mm` as people say it (100 × 150 mm); A4 as it is. */
export function pageName(media: string): string {
  const custom = /^Custom\.(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)mm$/.exec(media);
  return custom ? `${custom[1]} × ${custom[2]} mm` : media;
}
