import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hashPassword, verifyPassword } from '../accounts/passwords.js';
import { registerEntryRoutes } from '../entry/entry-routes.js';
import { checkAnswers, compileForm } from '../form/check-answers.js';
import type { FormSpec } from '../form/form-spec.js';
import { ConflictError, type Role, type SessionRecord, type SubmissionRecord, type SubmissionStore, type UserRecord } from '../storage/submission-store.js';
import { html, type SafeHtml } from './html.js';
import { renderForm, page, type Viewer } from './render-pages.js';
import { LoginLimiter, SECURITY_HEADERS, hashToken, randomToken, sameSecret } from './security.js';
import { dashboardHtml, submissionHtml, submissionsHtml, type Quotas } from './render-tables.js';
import { uiText, type Lang } from './ui-text.js';

/** What the collection server needs: the database, the questionnaire, and how to talk. */
export interface CollectAppOptions {
  store: SubmissionStore;
  spec: FormSpec;
  lang?: Lang;
  /** Quota targets by variable and choice label or code (`area: {城市: 6000, 农村: 4000}`). */
  quotas?: Quotas;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** The form script and stylesheet served under /static/. */
  assets: Record<string, { type: string; body: string }>;
  /** Session lifetime in ms (default 12 h). */
  sessionMs?: number;
  limiter?: LoginLimiter;
  /** The client address of a request (the socket's, with @hono/node-server); tests leave it out. */
  clientAddress?: (c: Context) => string | null;
}

type Env = { Variables: { user: UserRecord | null; session: SessionRecord | null } };

const SESSION_COOKIE = 'survey_session';
const LOGIN_CSRF_COOKIE = 'survey_login_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_BODY = 256 * 1024;

/** The form fields of a urlencoded or multipart body as strings (files ignored). */
async function formFields(c: Context): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * The collection server as a Hono app: log-in with sessions in HttpOnly SameSite=Strict cookies,
 * a CSRF token checked on every state-changing request, the questionnaire form, the submissions
 * API (checked with the codebook's own expression evaluator; acknowledged only once committed),
 * lists and a progress dashboard by role. Enumerators see only their own submissions.
 */
export function createCollectApp(options: CollectAppOptions): Hono<Env> {
  const { store, spec } = options;
  const lang = options.lang ?? 'zh';
  const text = uiText(lang);
  const form = compileForm(spec);
  const limiter = options.limiter ?? new LoginLimiter();
  const sessionMs = options.sessionMs ?? 12 * 3600 * 1000;
  const cookieBase = { httpOnly: true, sameSite: 'Strict' as const, path: '/', secure: options.secureCookies === true };
  const app = new Hono<Env>();

  const htmlPage = (c: Context, body: string, status = 200) => c.html(body, status as 200);
  const viewerOf = (c: Context<Env>): Viewer => {
    const user = c.get('user') as UserRecord;
    return { name: user.name, role: user.role, csrfToken: (c.get('session') as SessionRecord).csrfToken };
  };
  const message = (c: Context<Env>, title: string, status: number) =>
    htmlPage(c, page(lang, text, title, html`<h1>${title}</h1>`, c.get('user') ? viewerOf(c) : undefined), status);

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });
  app.use('*', bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.text('request too large', 413) }));

  // Who is asking: the session cookie's token, looked up by its hash.
  app.use('*', async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const found = await store.findSession(hashToken(token));
      if (found) {
        c.set('user', found.user);
        c.set('session', found.session);
      }
    }
    await next();
  });

  // CSRF: every state-changing request carries the session's token (header or form field), and a
  // cross-site Origin is refused outright. The login form uses a double-submit cookie instead.
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

  const requireRole =
    (...roles: Role[]) =>
    async (c: Context<Env>, next: () => Promise<void>) => {
      const user = c.get('user');
      if (!user) {
        if (c.req.path.startsWith('/api/')) return c.json({ error: 'not logged in' }, 401);
        return c.redirect('/login', 303);
      }
      // A one-time password is changed before anything else.
      if (user.mustChangePassword && c.req.path !== '/account/password') {
        if (c.req.path.startsWith('/api/')) return c.json({ error: 'change the one-time password first' }, 403);
        return c.redirect('/account/password', 303);
      }
      if (!roles.includes(user.role)) return c.req.path.startsWith('/api/') ? c.json({ error: 'not allowed' }, 403) : message(c, text.forbidden, 403);
      return next();
    };
  const anyone = requireRole('admin', 'enumerator', 'viewer');

  // ---- static files: a fixed list, never a path on disk.
  app.get('/static/:name', (c) => {
    const asset = Object.prototype.hasOwnProperty.call(options.assets, c.req.param('name')) ? options.assets[c.req.param('name')] : undefined;
    if (!asset) return c.text('not found', 404);
    return c.body(asset.body, 200, { 'content-type': asset.type });
  });

  // ---- log-in
  const loginPage = (c: Context<Env>, notice: string | null, status = 200) => {
    const token = randomToken();
    setCookie(c, LOGIN_CSRF_COOKIE, token, { ...cookieBase, maxAge: 3600 });
    const body = html`<form class="login" method="post" action="/login"><h1>${text.login}</h1>
${notice ? html`<p class="notice" role="alert">${notice}</p>` : ''}<input type="hidden" name="_csrf" value="${token}">
<label>${text.name}<input type="text" name="name" autocomplete="username" required></label>
<label>${text.password}<input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit" class="primary">${text.login}</button></form>`;
    return htmlPage(c, page(lang, text, text.login, body), status);
  };
  app.get('/login', (c) => loginPage(c, null));
  app.post('/login', async (c) => {
    const fields = await formFields(c);
    const name = (fields.name ?? '').trim();
    const address = options.clientAddress?.(c) ?? null;
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

  // ---- own password (a one-time password must be replaced at the first log-in)
  const passwordPage = (c: Context<Env>, notice: string | null, status = 200) =>
    htmlPage(
      c,
      page(
        lang,
        text,
        text.changePassword,
        html`<form class="login" method="post" action="/account/password"><h1>${text.changePassword}</h1>
${notice ? html`<p class="notice" role="alert">${notice}</p>` : ''}<input type="hidden" name="_csrf" value="${viewerOf(c).csrfToken}">
<label>${text.password}<input type="password" name="current" autocomplete="current-password" required></label>
<label>${text.newPassword}<input type="password" name="password" autocomplete="new-password" minlength="10" required></label>
<button type="submit" class="primary">${text.changePassword}</button></form>`,
        viewerOf(c),
      ),
      status,
    );
  app.get('/account/password', anyone, (c) => passwordPage(c, null));
  app.post('/account/password', anyone, async (c) => {
    const fields = await formFields(c);
    const user = c.get('user') as UserRecord;
    if (!(await verifyPassword(fields.current ?? '', user.passwordHash))) return passwordPage(c, text.loginFailed, 401);
    if ((fields.password ?? '').length < 10) return passwordPage(c, text.passwordTooShort, 422);
    await store.setPassword(user.userId, await hashPassword(fields.password), false);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  app.get('/', anyone, (c) => c.redirect((c.get('user') as UserRecord).role === 'enumerator' ? '/form' : '/dashboard', 303));

  // ---- the questionnaire
  app.get('/form', requireRole('admin', 'enumerator'), (c) => htmlPage(c, renderForm(spec, lang, text, viewerOf(c))));

  app.post('/api/submissions', requireRole('admin', 'enumerator'), async (c) => {
    const user = c.get('user') as UserRecord;
    let body: Record<string, unknown>;
    try {
      body = (await c.req.json()) as Record<string, unknown>;
    } catch {
      return c.json({ error: 'the body is not JSON' }, 400);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return c.json({ error: 'expected a JSON object' }, 400);
    const id = body.id;
    if (typeof id !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(id)) return c.json({ error: 'id: 8–64 letters, digits or -' }, 400);
    const answers = body.answers;
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return c.json({ error: 'answers: expected an object' }, 400);
    const checked = checkAnswers(form, answers as Record<string, unknown>);
    if (checked.errors.length) return c.json({ errors: checked.errors }, 422);
    const time = (v: unknown): string | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null);
    const startedAt = time(body.started_at);
    const endedAt = time(body.ended_at);
    const durationS = startedAt && endedAt ? Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000)) : null;
    const gps = typeof body.gps === 'object' && body.gps !== null ? (body.gps as Record<string, unknown>) : {};
    const coordinate = (v: unknown, limit: number) => (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit ? v : null);
    try {
      const { submission, created } = await store.submit({
        id,
        formId: spec.id,
        enumeratorId: user.userId,
        answers: checked.answers,
        startedAt,
        endedAt,
        receivedAt: new Date().toISOString(),
        durationS,
        device: (c.req.header('user-agent') ?? '').slice(0, 300) || null,
        ip: options.clientAddress?.(c) ?? null,
        latitude: coordinate(gps.latitude, 90),
        longitude: coordinate(gps.longitude, 180),
      });
      return c.json({ seq: submission.seq, id: submission.id, created, warnings: checked.warnings }, created ? 201 : 200);
    } catch (err) {
      if (err instanceof ConflictError) return c.json({ error: err.message }, 409);
      throw err;
    }
  });

  // ---- submissions: an enumerator's own; everyone's for admin and viewer
  const visible = async (c: Context<Env>): Promise<SubmissionRecord[]> => {
    const user = c.get('user') as UserRecord;
    return store.listSubmissions(user.role === 'enumerator' ? { enumeratorId: user.userId } : {});
  };
  const findVisible = async (c: Context<Env>): Promise<SubmissionRecord | null> => {
    const seq = Number(c.req.param('seq'));
    if (!Number.isInteger(seq) || seq < 1) return null;
    const submission = await store.getSubmission(seq);
    const user = c.get('user') as UserRecord;
    if (!submission || (user.role === 'enumerator' && submission.enumeratorId !== user.userId)) return null;
    return submission;
  };
  app.get('/api/submissions', anyone, async (c) => c.json({ submissions: (await visible(c)).map(publicSubmission) }));
  app.get('/api/submissions/:seq', anyone, async (c) => {
    const submission = await findVisible(c);
    return submission ? c.json(publicSubmission(submission)) : c.json({ error: 'not found' }, 404);
  });
  app.get('/submissions', anyone, async (c) => htmlPage(c, page(lang, text, text.submissions, submissionsHtml(await visible(c), text), viewerOf(c))));
  app.get('/submissions/:seq', anyone, async (c) => {
    const submission = await findVisible(c);
    if (!submission) return message(c, text.notFound, 404);
    const user = c.get('user') as UserRecord;
    const history = user.role === 'enumerator' ? [] : await store.auditLog(submission.seq);
    const body: SafeHtml = submissionHtml(submission, history, spec, lang, text, user.role === 'admin' ? viewerOf(c).csrfToken : null);
    return htmlPage(c, page(lang, text, `${text.submissions} ${submission.seq}`, body, viewerOf(c)));
  });
  app.post('/submissions/:seq/withdraw', requireRole('admin'), async (c) => {
    const seq = Number(c.req.param('seq'));
    const fields = await formFields(c);
    const reason = (fields.reason ?? '').trim();
    if (!reason) return c.text('a reason is required', 422);
    if (!Number.isInteger(seq) || !(await store.getSubmission(seq))) return message(c, text.notFound, 404);
    await store.withdraw(seq, (c.get('user') as UserRecord).userId, reason.slice(0, 1000));
    return c.redirect(`/submissions/${seq}`, 303);
  });

  // ---- progress
  app.get('/dashboard', requireRole('admin', 'viewer'), async (c) => {
    const all = await store.listSubmissions({ status: 'active' });
    return htmlPage(c, page(lang, text, text.dashboard, dashboardHtml(all, spec, options.quotas ?? {}, lang, text), viewerOf(c)));
  });

  registerEntryRoutes(app, { store, form, lang, requireRole });

  app.notFound((c) => c.text('not found', 404));
  app.onError((err, c) => {
    // Nothing about the failure reaches the client; the submission was not stored (its transaction rolled back).
    console.error(`survey serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.message : String(err)}`);
    return c.text('internal error: not stored', 500);
  });
  return app;
}

/** A submission as the API shows it. */
function publicSubmission(s: SubmissionRecord) {
  return {
    seq: s.seq,
    id: s.id,
    enumerator: s.enumerator,
    answers: s.answers,
    received_at: s.receivedAt,
    duration_s: s.durationS,
    status: s.status,
    status_reason: s.statusReason,
    version: s.version,
  };
}
