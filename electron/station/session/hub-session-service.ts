import { StationFailure } from '../../../shared/contract/errors';
import type { Session, SignInInput, User } from '../../../shared/contract/schemas';
import { roles, type Role } from '../../../shared/domain/roles';
import type { HubApi } from '../../../shared/hub/hub-api';
import type { HubRouteAnswer } from '../../../shared/hub/route';
import { hubCall, HubRefusal, HubUnreachable, type HubCredentials } from '../hub-client/hub-http';
import type { StationStore } from '../store/station-store';

interface SignedIn {
  session: Session;
  /** The hub session token: calls made for this user carry it; it never leaves the station. Null when signed in offline. */
  token: string | null;
}

const isFloorRole = (role: string): role is Role => (roles as readonly string[]).includes(role);

/**
 * Sign-in against the hub's users, per client (one Electron window or one web-mode connection). The user list is
 * cached so the sign-in screen still shows names while the hub is away. With the hub away, people who signed in at
 * this station before sign in against the station's credential cache (credential-cache.ts): that session is marked
 * offline and has no hub token, so the few calls that need one refuse until they sign in with the hub back.
 */
export class HubSessionService {
  private readonly signedIn = new Map<string, SignedIn>();
  private readonly languages = new Map<string, string>();

  constructor(
    private readonly hub: HubCredentials,
    private readonly store: StationStore,
  ) {}

  async list(): Promise<User[]> {
    try {
      // A role this station has no screens for (a newer hub's) is left out.
      const users = (await hubCall(this.hub, 'session.users', {})).flatMap((user): User[] =>
        isFloorRole(user.role) ? [{ id: user.id, name: user.name, role: user.role }] : [],
      );
      this.store.replaceCached(
        'user',
        users.map((user) => ({ id: user.id, data: { id: user.id, name: user.name, role: user.role } })),
      );
      return users.map(({ id, name, role }) => ({ id, name, role }));
    } catch (error) {
      if (error instanceof HubUnreachable) return this.cachedUsers();
      throw error;
    }
  }

  /** The last list fetched, as the changes feed has kept it since: a user it says is disabled is no longer offered. */
  private cachedUsers(): User[] {
    return this.store
      .cached('user')
      .flatMap((user): User[] => (user.active !== false && isFloorRole(user.role) ? [{ id: user.id, name: user.name, role: user.role }] : []));
  }

  current(clientId: string): Session | null {
    return this.signedIn.get(clientId)?.session ?? null;
  }

  /**
   * The user's hub session token, for calls the hub makes in the user's name (pick lists). A session opened with the
   * hub away has none: such a call is refused with a plain "sign in again with the hub back" rather than sent with the
   * station's credentials, which the hub would refuse (and which would not say who did it).
   */
  tokenOf(clientId: string): string | null {
    const signedIn = this.signedIn.get(clientId);
    if (signedIn && signedIn.token === null) throw new StationFailure('needs-hub-sign-in', 'signed in offline: this call needs a hub session');
    return signedIn?.token ?? null;
  }

  setLanguage(clientId: string, language: string): void {
    this.languages.set(clientId, language);
  }

  languageOf(clientId: string): string {
    return this.languages.get(clientId) ?? 'ja';
  }

  async signIn(clientId: string, input: SignInInput): Promise<Session> {
    const body = input.method === 'badge' ? { badge: input.badge.trim() } : { user: input.userId, pin: input.pin };
    const credential = input.method === 'badge' ? { badge: input.badge.trim() } : { pin: input.pin };
    let answer: HubRouteAnswer<HubApi['session.signIn']>;
    try {
      answer = await hubCall(this.hub, 'session.signIn', { body }, { language: this.languageOf(clientId) });
    } catch (error) {
      if (error instanceof HubUnreachable) return this.signInOffline(clientId, input);
      throw wrongCredentials(error, input.method === 'badge' ? 'unknown-badge' : 'bad-credentials');
    }
    const { user } = answer;
    if (!isFloorRole(user.role)) throw new StationFailure('forbidden', `role ${user.role} has no floor screens`);
    // Kept for the next sign-in with the hub away; a hub too old to send a version gets none cached.
    if (user.credentialsVersion !== undefined) {
      await this.store.credentials.remember({ id: user.id, name: user.name, role: user.role, credentialsVersion: user.credentialsVersion }, credential);
    }
    return this.open(clientId, { id: user.id, name: user.name, role: user.role }, answer.token);
  }

  /** The hub is away: the station's cached hash decides, for people who signed in here before. */
  private async signInOffline(clientId: string, input: SignInInput): Promise<Session> {
    const check =
      input.method === 'badge' ? await this.store.credentials.checkBadge(input.badge.trim()) : await this.store.credentials.checkPin(input.userId, input.pin);
    if (check.kind === 'unknown') throw new StationFailure('offline-unknown-user', 'the hub is unreachable and this user never signed in at this station');
    if (check.kind === 'wrong') throw new StationFailure('bad-credentials', 'wrong PIN (checked against the station cache, hub unreachable)');
    return this.open(clientId, { id: check.user.id, name: check.user.name, role: check.user.role }, null);
  }

  /**
   * Whose badge this is (a second supervisor approving a count), without opening or closing a session at any window:
   * the hub checks it, or with the hub away the station's credential cache. Null for a badge neither knows.
   */
  async badgeHolder(clientId: string, badge: string): Promise<User | null> {
    try {
      const { user, token } = await hubCall(this.hub, 'session.signIn', { body: { badge: badge.trim() } }, { language: this.languageOf(clientId) });
      // Only the answer was wanted: the session the check opened at the hub ends at once.
      await this.revoke(token);
      if (!isFloorRole(user.role)) return null;
      if (user.credentialsVersion !== undefined) {
        await this.store.credentials.remember(
          { id: user.id, name: user.name, role: user.role, credentialsVersion: user.credentialsVersion },
          { badge: badge.trim() },
        );
      }
      return { id: user.id, name: user.name, role: user.role };
    } catch (error) {
      if (error instanceof HubRefusal && error.code === 'bad-credentials') return null;
      if (!(error instanceof HubUnreachable)) throw error;
      const check = await this.store.credentials.checkBadge(badge.trim());
      return check.kind === 'match' ? { id: check.user.id, name: check.user.name, role: check.user.role } : null;
    }
  }

  private open(clientId: string, user: User, token: string | null): Session {
    const session: Session = { user, signedInAt: new Date().toISOString(), offline: token === null };
    this.signedIn.set(clientId, { session, token });
    return session;
  }

  /**
   * Signs the window out at once, and revokes its hub token so a copy of it is worth nothing. With the hub away the
   * token is left to expire there: signing out never waits on the hub or fails for it.
   */
  async signOut(clientId: string): Promise<boolean> {
    const signedIn = this.signedIn.get(clientId);
    this.signedIn.delete(clientId);
    if (signedIn?.token) await this.revoke(signedIn.token);
    return signedIn !== undefined;
  }

  /** A window closed or a connection gone: its session ends here, and its hub token is revoked in the background. */
  forget(clientId: string): void {
    const token = this.signedIn.get(clientId)?.token;
    this.signedIn.delete(clientId);
    this.languages.delete(clientId);
    if (token) void this.revoke(token);
  }

  private async revoke(token: string): Promise<void> {
    try {
      await hubCall(this.hub, 'session.signOut', {}, { userToken: token, timeoutMs: 3000 });
    } catch {
      // Best effort: the hub away or the token already gone; it expires at the hub on its own.
    }
  }
}

/**
 * The hub's "wrong name, PIN or badge" as the sign-in screen words it (a badge nobody holds is not a wrong PIN); any
 * other hub error goes on to the one error policy (contract-host/error-policy.ts).
 */
function wrongCredentials(error: unknown, code: 'unknown-badge' | 'bad-credentials'): unknown {
  return error instanceof HubRefusal && error.code === 'bad-credentials' ? new StationFailure(code, error.message) : error;
}
