import { StationFailure } from '../../../shared/contract/errors';
import type { Session, SignInInput, User } from '../../../shared/contract/schemas';
import { roles, type Role } from '../../../shared/domain/roles';
import { callHub, HubRefusal, HubUnreachable, type HubCredentials } from '../hub-client/hub-http';
import type { StationStore } from '../store/station-store';

interface HubUser {
  id: string;
  name: string;
  role: string;
}

interface SignedIn {
  session: Session;
  /** The hub session token: calls made for this user carry it; it never leaves the station. */
  token: string;
}

const isFloorRole = (role: string): role is Role => (roles as readonly string[]).includes(role);

/**
 * Sign-in against the hub's users, per client (one Electron window or one web-mode connection). The user list is
 * cached so the sign-in screen still shows names while the hub is away; signing in itself needs the hub.
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
      const users = (await callHub<HubUser[]>(this.hub, { method: 'GET', path: '/api/v1/users' })).filter((user): user is User => isFloorRole(user.role));
      this.store.replaceCached('user', users.map((user) => ({ id: user.id, data: { id: user.id, name: user.name, role: user.role } })));
      return users.map(({ id, name, role }) => ({ id, name, role }));
    } catch (error) {
      if (error instanceof HubUnreachable) return this.store.cached<User>('user');
      throw error;
    }
  }

  current(clientId: string): Session | null {
    return this.signedIn.get(clientId)?.session ?? null;
  }

  tokenOf(clientId: string): string | null {
    return this.signedIn.get(clientId)?.token ?? null;
  }

  setLanguage(clientId: string, language: string): void {
    this.languages.set(clientId, language);
  }

  languageOf(clientId: string): string {
    return this.languages.get(clientId) ?? 'ja';
  }

  async signIn(clientId: string, input: SignInInput): Promise<Session> {
    const body = input.method === 'badge' ? { badge: input.badge.trim() } : { user: input.userId, pin: input.pin };
    let answer: { token: string; user: HubUser };
    try {
      answer = await callHub(this.hub, { method: 'POST', path: '/api/v1/sessions', body, language: this.languageOf(clientId) });
    } catch (error) {
      throw this.asFailure(error, input.method === 'badge' ? 'unknown-badge' : 'bad-credentials');
    }
    if (!isFloorRole(answer.user.role)) throw new StationFailure('forbidden', `role ${answer.user.role} has no floor screens`);
    const session: Session = { user: { id: answer.user.id, name: answer.user.name, role: answer.user.role }, signedInAt: new Date().toISOString() };
    this.signedIn.set(clientId, { session, token: answer.token });
    return session;
  }

  signOut(clientId: string): boolean {
    return this.signedIn.delete(clientId);
  }

  forget(clientId: string): void {
    this.signedIn.delete(clientId);
    this.languages.delete(clientId);
  }

  private asFailure(error: unknown, credentialsCode: 'unknown-badge' | 'bad-credentials'): unknown {
    if (error instanceof HubUnreachable) return new StationFailure('hub-offline', error.message);
    if (error instanceof HubRefusal) {
      if (error.code === 'bad-credentials') return new StationFailure(credentialsCode, error.message);
      return new StationFailure('hub-refused', error.message, error.hubMessage);
    }
    return error;
  }
}
