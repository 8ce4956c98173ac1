import type { HandlerSlice } from '../contract-host/dispatcher';
import type { HubSessionService } from './hub-session-service';

/** Who works at this window: the users to pick from, signing in and out, the window's language. */
export function sessionHandlers(
  sessions: HubSessionService,
): HandlerSlice<'session.users' | 'session.signIn' | 'session.signOut' | 'session.current' | 'session.language'> {
  return {
    'session.users': () => sessions.list(),
    'session.signIn': (input, ctx) => sessions.signIn(ctx.clientId, input),
    'session.signOut': async (_input, ctx) => ({ signedOut: await sessions.signOut(ctx.clientId) }),
    'session.current': (_input, ctx) => ctx.session(),
    'session.language': (input, ctx) => (sessions.setLanguage(ctx.clientId, input.language), input),
  };
}
