import { isAppOriginUrl } from '../app-origin';

/** What main knows about the frame behind an IPC message, reduced to plain facts so the rule is testable. */
export interface SenderFacts {
  /** The message came from the top frame of the station window (not a subframe, not another webContents). */
  isTopFrame: boolean;
  /** The URL of that frame, or null when the frame is already gone. */
  url: string | null;
}

/**
 * Why a sender is refused, or null when it may call the station. Only our own page in the window's top frame may
 * call: an iframe, or a page that somehow got loaded from elsewhere, would otherwise reach the whole contract.
 */
export function senderRefusal(sender: SenderFacts): string | null {
  if (sender.url === null) return 'the calling frame no longer exists';
  if (!sender.isTopFrame) return 'calls are accepted from the top frame of the station window only';
  if (!isAppOriginUrl(sender.url)) return `calls are accepted from app://station only, not ${JSON.stringify(sender.url.slice(0, 200))}`;
  return null;
}

export function isTrustedSender(sender: SenderFacts): boolean {
  return senderRefusal(sender) === null;
}
