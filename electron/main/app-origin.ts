/**
 * The renderer is served from `app://station/…`, never from file:// (whose extra privileges we do not want) nor
 * from a port another local program could take. The IPC sender check trusts exactly this origin.
 */
export const appScheme = 'app';
export const appHost = 'station';
export const appEntryUrl = `${appScheme}://${appHost}/`;

/**
 * True when the URL is on our origin. Node's URL gives non-special schemes an opaque origin ("null"), so the
 * parts are compared one by one; credentials or a port would mean some other origin in Chromium's eyes.
 */
export function isAppOriginUrl(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  return url.protocol === `${appScheme}:` && url.host === appHost && url.username === '' && url.password === '' && url.port === '';
}
