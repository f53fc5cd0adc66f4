import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hashPassword, verifyPassword } from '../accounts/passwords.js';
import { html } from './html.js';
import { page } from './render-pages.js';
import { LOGIN_CSRF_COOKIE, SESSION_COOKIE, formFields, type CollectContext, type CollectHono, type RouteContext } from './route-context.js';
import { hashToken, randomToken } from './security.js';

/** Log-in (rate-limited, sessions in HttpOnly SameSite=Strict cookies), log-out, one's own password, and `/`. */
export function registerAccountRoutes(app: CollectHono, ctx: RouteContext): void {
  const { store, text, lang, limiter, cookieBase, sessionMs } = ctx;

  const loginPage = (c: CollectContext, notice: string | null, status = 200) => {
    const token = randomToken();
    setCookie(c, LOGIN_CSRF_COOKIE, token, { ...cookieBase, maxAge: 3600 });
    const body = html`<form class="login" method="post" action="/login"><h1>${text.login}</h1>
${notice ? html`<p class="notice" role="alert">${notice}</p>` : ''}<input type="hidden" name="_csrf" value="${token}">
<label>${text.name}<input type="text" name="name" autocomplete="username" required></label>
<label>${text.password}<input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit" class="primary">${text.login}</button></form>`;
    return ctx.htmlPage(c, page(lang, text, text.login, body), status);
  };
  app.get('/login', (c) => loginPage(c, null));
  app.post('/login', async (c) => {
    const fields = await formFields(c);
    const name = (fields.name ?? '').trim();
    const address = ctx.options.clientAddress?.(c) ?? null;
    const keys = [`user:${name}`, ...(address ? [`ip:${address}`] : [])];
    if (limiter.blocked(keys)) return loginPage(c, text.tooManyAttempts, 429);
    const user = name ? await store.findUser(name) : null;
    const ok = user !== null && !user.disabled && (await verifyPassword(fields.password ?? '', user.passwordHash));
    if (!ok || !user) {
      limiter.fail(keys);
      return loginPage(c, text.loginFailed, 401);
    }
    limiter.succeed([`user:${name}`]);
    const token = randomToken();
    const created = new Date();
    await store.createSession({
      tokenHash: hashToken(token),
      userId: user.userId,
      csrfToken: randomToken(),
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + sessionMs).toISOString(),
    });
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/' });
    setCookie(c, SESSION_COOKIE, token, { ...cookieBase, maxAge: Math.floor(sessionMs / 1000) });
    return c.redirect(user.mustChangePassword ? '/account/password' : '/', 303);
  });
  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await store.deleteSession(hashToken(token));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  // One's own password (a one-time password must be replaced at the first log-in).
  const passwordPage = (c: CollectContext, notice: string | null, status = 200) =>
    ctx.htmlPage(
      c,
      page(
        lang,
        text,
        text.changePassword,
        html`<form class="login" method="post" action="/account/password"><h1>${text.changePassword}</h1>
${notice ? html`<p class="notice" role="alert">${notice}</p>` : ''}<input type="hidden" name="_csrf" value="${ctx.viewerOf(c).csrfToken}">
<label>${text.password}<input type="password" name="current" autocomplete="current-password" required></label>
<label>${text.newPassword}<input type="password" name="password" autocomplete="new-password" minlength="10" required></label>
<button type="submit" class="primary">${text.changePassword}</button></form>`,
        ctx.viewerOf(c),
      ),
      status,
    );
  app.get('/account/password', ctx.anyone, (c) => passwordPage(c, null));
  app.post('/account/password', ctx.anyone, async (c) => {
    const fields = await formFields(c);
    const user = ctx.userOf(c);
    if (!(await verifyPassword(fields.current ?? '', user.passwordHash))) return passwordPage(c, text.loginFailed, 401);
    if ((fields.password ?? '').length < 10) return passwordPage(c, text.passwordTooShort, 422);
    await store.setPassword(user.userId, await hashPassword(fields.password), false);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  app.get('/', ctx.anyone, (c) => c.redirect({ enumerator: '/form', supervisor: '/review' }[ctx.userOf(c).role as string] ?? '/dashboard', 303));
}
