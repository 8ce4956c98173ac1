import { describe, expect, it } from 'vitest';
import { appResponseHeaders, contentSecurityPolicy } from '../../../electron/main/protocol/content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  const policy = directives(contentSecurityPolicy);

  it('has exactly the directives of the station policy', () => {
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('never lets scripts run inline, from eval or from another origin', () => {
    const scriptSources = policy.get('script-src') ?? [];
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
      expect(scriptSources).not.toContain(forbidden);
    }
  });
});

describe('appResponseHeaders', () => {
  it('puts the policy and nosniff on every response, whatever its type', () => {
    for (const type of ['text/html; charset=utf-8', 'text/plain; charset=utf-8', 'image/png']) {
      const headers = appResponseHeaders(type);
      expect(headers['Content-Type']).toBe(type);
      expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });
});
