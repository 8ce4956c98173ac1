import { InvalidArgumentError } from 'commander';

/** The environment variable an embedded hub's station secret arrives in (never argv: see embedded-hub-args.ts). */
export const stationSecretVariable = 'QWMS_STATION_SECRET';

/**
 * `qwms hub --station id:branch`: the station an embedded hub registers at start, with its secret from the
 * environment. Any user of the PC can read a command line, so the old `id:secret:branch` form is refused — without
 * repeating what was given, which holds the secret. The variable is removed once read, so nothing this hub starts
 * inherits it.
 */
export function embeddedStation(option: string, env: NodeJS.ProcessEnv = process.env): { id: string; secret: string; branchCode: string } {
  const parts = option.split(':');
  if (parts.length === 3) {
    throw new InvalidArgumentError(
      `--station no longer takes the secret (a command line is visible to every user of this PC): give --station id:branch and the secret in ${stationSecretVariable}`,
    );
  }
  const [id, branchCode] = parts;
  if (parts.length !== 2 || !id || !branchCode) throw new InvalidArgumentError('--station needs id:branch');
  const secret = env[stationSecretVariable];
  if (!secret) throw new InvalidArgumentError(`--station needs the station secret in ${stationSecretVariable}`);
  delete env[stationSecretVariable];
  return { id, secret, branchCode };
}
