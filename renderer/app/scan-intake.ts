import i18next from 'i18next';
import type { Scan } from '../../shared/contract/schemas';
import { splitAim } from '../../shared/scanning/aim';
import { useFeedback } from '../features/scanning/feedback-store';
import { scanConsumer } from '../features/scanning/scan-consumer';
import { useScanLog } from '../features/scanning/scan-store';
import type { WedgeBurst } from '../features/scanning/use-wedge-scanner';
import { useSession } from '../features/sign-in/session-store';
import { station } from '../station-client/station-client';
import { errorText } from '../ui/error-text';

/** Signed out, any good scan is a badge; signed in, scans are recorded by the station and shown. */
export async function takeWedgeBurst(burst: WedgeBurst): Promise<void> {
  if (!useSession.getState().session) {
    if (burst.unfinished) signalBadScan('unfinished');
    else await signInWithBadge(splitAim(burst.raw).data);
    return;
  }
  try {
    showScan(await station.call('scans.submitWedge', { raw: burst.raw, unfinished: burst.unfinished }));
  } catch (error) {
    useFeedback.getState().signal('bad', errorText(i18next.t, error));
  }
}

/** Scans from USB scanners, pushed by the station. */
export function takeDeviceScan(scan: Scan): void {
  if (useSession.getState().session) showScan(scan);
  else if (scan.verdict === 'good') void signInWithBadge(scan.text);
  else signalBadScan(scan.badReason ?? 'unfinished');
}

function showScan(scan: Scan): void {
  useScanLog.getState().add(scan);
  const consume = scanConsumer();
  // A screen that takes scans answers them itself (counted, refused…); the plain answer is only for the others.
  if (scan.verdict === 'good' && consume) consume(scan);
  else if (scan.verdict === 'good') useFeedback.getState().signal('good', i18next.t('scan.lastGood', { text: scan.text }));
  else signalBadScan(scan.badReason ?? 'unfinished');
}

function signalBadScan(reason: NonNullable<Scan['badReason']>): void {
  useFeedback.getState().signal('bad', i18next.t('scan.lastBad', { reason: i18next.t(`scan.badReasons.${reason}`) }));
}

async function signInWithBadge(badge: string): Promise<void> {
  const session = useSession.getState();
  if (await session.signIn({ method: 'badge', badge })) {
    const name = useSession.getState().session?.user.name ?? '';
    useFeedback.getState().signal('done', i18next.t('signIn.welcome', { name }));
  } else useFeedback.getState().signal('bad', errorText(i18next.t, useSession.getState().failure));
}
