import i18next from 'i18next';
import { useEffect } from 'react';
import { FeedbackFlash } from '../features/shell/FeedbackFlash';
import { Header } from '../features/shell/Header';
import { StatusBar } from '../features/shell/StatusBar';
import { followStationStatus } from '../features/shell/status-store';
import { Workspace } from '../features/shell/Workspace';
import { useWedgeScanner } from '../features/scanning/use-wedge-scanner';
import { SignInScreen } from '../features/sign-in/SignInScreen';
import { useSession } from '../features/sign-in/session-store';
import { station } from '../station-client/station-client';
import { takeDeviceScan, takeWedgeBurst } from './scan-intake';

export function App() {
  const session = useSession((state) => state.session);

  useEffect(() => {
    void useSession.getState().load();
    const stopStatus = followStationStatus();
    const stopScans = station.on('scan', takeDeviceScan);
    // The station answers with the hub's words: tell it which language this window speaks.
    const tellLanguage = (language: string) => void station.call('session.language', { language: language as 'ja' }).catch(() => {});
    tellLanguage(i18next.language);
    i18next.on('languageChanged', tellLanguage);
    return () => {
      stopStatus();
      stopScans();
      i18next.off('languageChanged', tellLanguage);
    };
  }, []);
  useWedgeScanner((burst) => void takeWedgeBurst(burst));

  return (
    <div className="app">
      <FeedbackFlash />
      <Header />
      <main className="main">{session ? <Workspace role={session.user.role} /> : <SignInScreen />}</main>
      <StatusBar />
    </div>
  );
}
