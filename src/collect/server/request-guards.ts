import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { LOGIN_CSRF_COOKIE, SESSION_COOKIE, formFields, type CollectHono, type RouteContext } from './route-context.js';
import { SECURITY_HEADERS, hashToken, sameSecret } from './security.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_BODY = 256 * 1024;

/**
 * The checks every request passes before any route: security headers on the answer, a body size
 * limit, who is asking (the session cookie's token, looked up by its hash), and CSRF — every
 * state-changing request carries the session's token (header or form field) and a cross-site
 * Origin is refused outright; the login form uses a double-submit cookie instead.
 */
export function installRequestGuards(app: CollectHono, ctx: RouteContext): void {
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });
  app.use('*', bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.text('request too large', 413) }));

  app.use('*', async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const found = await ctx.store.findSession(hashToken(token));
      if (found) {
        c.set('user', found.user);
        c.set('session', found.session);
      }
    }
    await next();
  });

  app.use('*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    // A browser says where a request comes from; another site's Origin is refused outright
    // ("null", sent by privacy settings, says nothing: the token decides).
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== c.req.header('host')) return c.text('cross-site request refused', 403);
    }
    const fields = await formFields(c);
    const sent = c.req.header('x-csrf-token') ?? fields._csrf;
    const expected = c.req.path === '/login' ? getCookie(c, LOGIN_CSRF_COOKIE) : c.get('session')?.csrfToken;
    if (!sameSecret(sent, expected)) return c.text('missing or wrong CSRF token', 403);
    return next();
  });
}
