import type { Context, Hono } from 'hono';
import type { CleanRules } from '../../clean/clean-rules.js';
import { checkAnswers, compileForm, type CompiledForm } from '../form/check-answers.js';
import type { FormSpec } from '../form/form-spec.js';
import type { Role, SessionRecord, SubmissionRecord, SubmissionStore, UserRecord } from '../storage/submission-store.js';
import { html } from './html.js';
import { page, type Viewer } from './render-pages.js';
import type { Quotas } from './render-tables.js';
import { LoginLimiter } from './security.js';
import { uiText, type UiText } from '../../locale/collect-words.js';
import type { Lang } from '../../locale/lang.js';

/** What the collection server needs: the database, the questionnaire, and how to talk. */
export interface CollectAppOptions {
  store: SubmissionStore;
  spec: FormSpec;
  lang?: Lang;
  /** Quota targets by variable and choice label or code (`area: {城市: 6000, 农村: 4000}`). */
  quotas?: Quotas;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** The form script, service worker and stylesheet served under /static/ (and /sw.js). */
  assets: Record<string, { type: string; body: string }>;
  /** Session lifetime in ms (default 12 h). */
  sessionMs?: number;
  limiter?: LoginLimiter;
  /** The client address of a request (the socket's, with @hono/node-server); tests leave it out. */
  clientAddress?: (c: Context) => string | null;
  /** The seqs of the submissions the plan's cleaning keeps (有效); without it the dashboard shows 回收 only. */
  validSubmissions?: (submissions: SubmissionRecord[]) => Promise<Set<number>>;
  /** The plan's cleaning rules, for the quality view (default: survey clean's). */
  rules?: CleanRules;
}

/** The request variables every route may read: who is asking (null when nobody is logged in). */
export type CollectEnv = { Variables: { user: UserRecord | null; session: SessionRecord | null } };
export type CollectHono = Hono<CollectEnv>;
export type CollectContext = Context<CollectEnv>;
type Middleware = (c: CollectContext, next: () => Promise<void>) => Promise<Response | void>;

/**
 * What a group of routes gets from the app: the options, the compiled form, the page words and
 * the shared helpers (role checks, page and message responses). Each route module is a function
 * `(app, ctx) => void` registered in `createCollectApp`.
 */
export interface RouteContext {
  options: CollectAppOptions;
  store: SubmissionStore;
  spec: FormSpec;
  form: CompiledForm;
  lang: Lang;
  text: UiText;
  sessionMs: number;
  limiter: LoginLimiter;
  cookieBase: { httpOnly: true; sameSite: 'Strict'; path: '/'; secure: boolean };
  /** Lets the request through only for a logged-in user of one of these roles (JSON errors under /api/). */
  requireRole(...roles: Role[]): Middleware;
  /** Any logged-in user. */
  anyone: Middleware;
  /** The logged-in user (behind requireRole). */
  userOf(c: CollectContext): UserRecord;
  viewerOf(c: CollectContext): Viewer;
  htmlPage(c: CollectContext, body: string, status?: number): Response;
  /** A page holding only a heading (not found, forbidden). */
  message(c: CollectContext, title: string, status: number): Response;
  /** The answers checked as the server stores them (the codebook's own evaluator). */
  check: (answers: Record<string, unknown>) => ReturnType<typeof checkAnswers>;
}

export const SESSION_COOKIE = 'survey_session';
export const LOGIN_CSRF_COOKIE = 'survey_login_csrf';

/** A JSON request body that must be an object: the object, or the 400 response that says what is wrong. */
export async function jsonObjectBody(c: Context): Promise<Record<string, unknown> | Response> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return c.json({ error: 'the body is not JSON' }, 400);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return c.json({ error: 'expected a JSON object' }, 400);
  return body as Record<string, unknown>;
}

/** The form fields of a urlencoded or multipart body as strings (files ignored). */
export async function formFields(c: Context): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Builds the shared context of the route modules from the app's options. */
export function routeContext(options: CollectAppOptions): RouteContext {
  const lang = options.lang ?? 'zh';
  const text = uiText(lang);
  const form = compileForm(options.spec);
  const htmlPage = (c: CollectContext, body: string, status = 200) => c.html(body, status as 200);
  const userOf = (c: CollectContext) => c.get('user') as UserRecord;
  const viewerOf = (c: CollectContext): Viewer => {
    const user = userOf(c);
    return { name: user.name, role: user.role, csrfToken: (c.get('session') as SessionRecord).csrfToken };
  };
  const message = (c: CollectContext, title: string, status: number) =>
    htmlPage(c, page(lang, text, title, html`<h1>${title}</h1>`, c.get('user') ? viewerOf(c) : undefined), status);
  const requireRole =
    (...roles: Role[]): Middleware =>
    async (c, next) => {
      const user = c.get('user');
      const api = c.req.path.startsWith('/api/');
      if (!user) return api ? c.json({ error: 'not logged in' }, 401) : c.redirect('/login', 303);
      // A one-time password is changed before anything else.
      if (user.mustChangePassword && c.req.path !== '/account/password') {
        return api ? c.json({ error: 'change the one-time password first' }, 403) : c.redirect('/account/password', 303);
      }
      if (!roles.includes(user.role)) return api ? c.json({ error: 'not allowed' }, 403) : message(c, text.forbidden, 403);
      return next();
    };
  return {
    options,
    store: options.store,
    spec: options.spec,
    form,
    lang,
    text,
    sessionMs: options.sessionMs ?? 12 * 3600 * 1000,
    limiter: options.limiter ?? new LoginLimiter(),
    cookieBase: { httpOnly: true, sameSite: 'Strict', path: '/', secure: options.secureCookies === true },
    requireRole,
    anyone: requireRole('admin', 'supervisor', 'enumerator', 'viewer'),
    userOf,
    viewerOf,
    htmlPage,
    message,
    check: (answers) => checkAnswers(form, answers),
  };
}
