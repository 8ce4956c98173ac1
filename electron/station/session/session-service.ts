import { StationFailure } from '../../../shared/contract/errors';
import type { Session, SignInInput, User } from '../../../shared/contract/schemas';
import { pinMatches } from './pin-hash';
import type { StationUser } from './placeholder-users';

const maxFailedPins = 5;

/** Sign-in per client (one Electron window or one web-mode connection). */
export class SessionService {
  private readonly sessions = new Map<string, Session>();
  private readonly failedPins = new Map<string, number>();

  constructor(private readonly users: readonly StationUser[]) {}

  list(): User[] {
    return this.users.map(({ id, name, role }) => ({ id, name, role }));
  }

  current(clientId: string): Session | null {
    return this.sessions.get(clientId) ?? null;
  }

  signIn(clientId: string, input: SignInInput): Session {
    const user = input.method === 'badge' ? this.byBadge(input.badge) : this.byPin(input.userId, input.pin);
    const session: Session = { user: { id: user.id, name: user.name, role: user.role }, signedInAt: new Date().toISOString() };
    this.sessions.set(clientId, session);
    return session;
  }

  signOut(clientId: string): boolean {
    return this.sessions.delete(clientId);
  }

  private byBadge(badge: string): StationUser {
    const user = this.users.find((candidate) => candidate.badge === badge.trim());
    if (!user) throw new StationFailure('unknown-badge', 'no user carries this badge');
    return user;
  }

  private byPin(userId: string, pin: string): StationUser {
    const user = this.users.find((candidate) => candidate.id === userId);
    const failures = this.failedPins.get(userId) ?? 0;
    // A locked user gets the same answer as a wrong PIN: guessing must not learn which one it was.
    if (!user || failures >= maxFailedPins || !pinMatches(pin, user.pinHash)) {
      if (user) this.failedPins.set(userId, failures + 1);
      throw new StationFailure('bad-credentials', 'unknown user or wrong PIN');
    }
    this.failedPins.delete(userId);
    return user;
  }
}
