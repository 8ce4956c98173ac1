import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt runs in libuv's thread pool (the async form): tens of milliseconds per hash must not hold the hub's event
 * loop, where every other station's request waits.
 */
function scryptAsync(secret: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, 32, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPin(pin: string, salt = randomBytes(16).toString('hex')): Promise<string> {
  return `${salt}:${(await scryptAsync(pin, salt)).toString('hex')}`;
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const candidate = await scryptAsync(pin, salt);
  const expected = Buffer.from(hash, 'hex');
  return expected.length === candidate.length && timingSafeEqual(candidate, expected);
}

let dummy: Promise<string> | undefined;

/**
 * For a name nobody has (or a disabled user, or a badge): the same scrypt a wrong PIN costs, against a hash made once
 * per process, so the time of the answer does not tell which names exist. Always false.
 */
export async function spendLikeAPinCheck(pin: string): Promise<false> {
  dummy ??= hashPin(randomBytes(8).toString('hex'));
  await pinMatches(pin, await dummy);
  return false;
}
