/**
 * The hub's release (package.json's version; a unit test keeps the two equal). Every hub answer carries it in the
 * `qwms-hub-version` header, so a station that cannot read an answer can say which hub sent it: hubs and stations
 * are upgraded on different days.
 */
export const hubVersion = '0.1.0';
export const hubVersionHeader = 'qwms-hub-version';
