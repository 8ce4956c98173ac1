/**
 * For a key built from a value the contract types only as a string (a bundle's state comes from the hub as text):
 * narrows the value to the entries of one section of the words (e.g. `ja.receiving.states`), so the key built from
 * it is a typed, known key. The caller decides what a value outside them (a newer hub's state) shows.
 */
export function isKeyOf<T extends object>(section: T, value: string | null | undefined): value is Extract<keyof T, string> {
  return typeof value === 'string' && Object.hasOwn(section, value);
}
