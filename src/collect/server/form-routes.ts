import { ConflictError } from '../storage/submission-store.js';
import { rolesOf } from './page-roles.js';
import { renderForm } from './render-pages.js';
import { jsonObjectBody, type CollectHono, type RouteContext } from './route-context.js';

const time = (v: unknown): string | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null);
const coordinate = (v: unknown, limit: number) => (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit ? v : null);

/**
 * The questionnaire page and the submissions API: answers are checked with the codebook's own
 * expression evaluator (the server decides), and a submission is acknowledged only once committed.
 * The same submission id again (a retry, an offline queue replaying) gets the original acknowledgement.
 */
export function registerFormRoutes(app: CollectHono, ctx: RouteContext): void {
  const { store, spec } = ctx;
  const fillers = ctx.requireRole(...rolesOf('form'));

  // Static files: a fixed list, never a path on disk.
  app.get('/static/:name', (c) => {
    const name = c.req.param('name');
    const asset = Object.prototype.hasOwnProperty.call(ctx.options.assets, name) ? ctx.options.assets[name] : undefined;
    if (!asset) return c.text('not found', 404);
    return c.body(asset.body, 200, { 'content-type': asset.type });
  });

  // The service worker from the root, so that its scope covers /form (the offline page).
  app.get('/sw.js', (c) => {
    const asset = ctx.options.assets['sw.js'];
    return asset ? c.body(asset.body, 200, { 'content-type': asset.type }) : c.text('not found', 404);
  });

  // Who is logged in and the session's CSRF token: the offline queue asks before each sync round,
  // since a page opened from the offline cache may carry an expired session's token.
  app.get('/api/session', ctx.anyone, (c) => c.json({ user: ctx.userOf(c).name, role: ctx.userOf(c).role, csrf: ctx.viewerOf(c).csrfToken }));

  app.get('/form', fillers, (c) => ctx.htmlPage(c, renderForm(spec, ctx.lang, ctx.text, ctx.viewerOf(c))));

  app.post('/api/submissions', fillers, async (c) => {
    const user = ctx.userOf(c);
    const body = await jsonObjectBody(c);
    if (body instanceof Response) return body;
    const id = body.id;
    if (typeof id !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(id)) return c.json({ error: 'id: 8–64 letters, digits or -' }, 400);
    const answers = body.answers;
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return c.json({ error: 'answers: expected an object' }, 400);
    const checked = ctx.check(answers as Record<string, unknown>);
    if (checked.errors.length) return c.json({ errors: checked.errors }, 422);
    const startedAt = time(body.started_at);
    const endedAt = time(body.ended_at);
    const durationS = startedAt && endedAt ? Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000)) : null;
    const gps = typeof body.gps === 'object' && body.gps !== null ? (body.gps as Record<string, unknown>) : {};
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
        ip: ctx.options.clientAddress?.(c) ?? null,
        latitude: coordinate(gps.latitude, 90),
        longitude: coordinate(gps.longitude, 180),
      });
      return c.json({ seq: submission.seq, id: submission.id, created, warnings: checked.warnings }, created ? 201 : 200);
    } catch (err) {
      if (err instanceof ConflictError) return c.json({ error: err.message }, 409);
      throw err;
    }
  });
}
