import { create } from 'zustand';
import type { Session, SignInInput, User } from '../../../shared/contract/schemas';
import { station } from '../../station-client/station-client';
import { forgetPreviousUser } from '../shell/per-user-state';

interface SessionState {
  session: Session | null;
  users: User[];
  /** The last sign-in failure, kept as the error itself so the screen words it in the current language. */
  failure: unknown;
  load(): Promise<void>;
  signIn(input: SignInInput): Promise<boolean>;
  signOut(): Promise<void>;
}

export const useSession = create<SessionState>((set) => ({
  session: null,
  users: [],
  failure: null,
  async load() {
    const [users, session] = await Promise.all([station.call('session.users', {}), station.call('session.current', {})]);
    set({ users, session });
  },
  async signIn(input) {
    try {
      set({ session: await station.call('session.signIn', input), failure: null });
      return true;
    } catch (failure) {
      set({ failure });
      return false;
    }
  },
  async signOut() {
    await station.call('session.signOut', {});
    set({ session: null, failure: null });
  },
}));

// Whatever ends a session (sign-out, the station ending it) or changes its user resets the per-user screen state.
useSession.subscribe((state, previous) => {
  if (previous.session && state.session?.user.id !== previous.session.user.id) forgetPreviousUser();
});
