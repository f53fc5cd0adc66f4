import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { CompiledForm } from '../form/check-answers.js';
import { page } from '../server/render-pages.js';
import { rolesOf } from '../server/page-roles.js';
import { jsonObjectBody } from '../server/route-context.js';
import { uiText } from '../../locale/collect-words.js';
import type { Lang } from '../../locale/lang.js';
import { ConflictError, type Role, type SessionRecord, type SubmissionStore, type UserRecord } from '../storage/submission-store.js';
import { adjudicate, entryReport, EntryRefused, keyPass } from './double-entry.js';
import { EntryStore, FORM_NO } from './entry-store.js';
import { entryText } from '../../locale/entry-words.js';
import { keyedValue } from './keyed-value.js';
import { adjudicationHtml, entryScreenHtml, verifyOverviewHtml } from './render-entry-pages.js';
import { messageIn } from '../../locale/bilingual.js';

type Env = { Variables: { user: UserRecord | null; session: SessionRecord | null } };

/** What the entry routes take from the collection app: its database, compiled form, language and role guard. */
export interface EntryRouteOptions {
  store: SubmissionStore;
  form: CompiledForm;
  lang: Lang;
  requireRole: (...roles: Role[]) => MiddlewareHandler<Env>;
}

/**
 * Paper double data entry in `survey serve` (registered by createCollectApp, whose middleware has
 * already identified the user and checked the CSRF token of every POST):
 *
 * - `GET /entry`, `POST /api/entry`, `GET /api/entry/status`: the keying screen for operators
 *   (role enumerator — an entry operator is an enumerator account — or admin). Each 问卷编号 is
 *   keyed twice by two operators; the second is blind (nothing of the first is ever sent).
 * - `GET /entry/verify`, `GET|POST /entry/verify/:no`: the adjudicator's pages (admin): every
 *   disagreement, each operator's discrepancy rate, and the resolution form.
 */
export function registerEntryRoutes(app: Hono<Env>, options: EntryRouteOptions): void {
  const { form, lang } = options;
  const entry = new EntryStore(options.store);
  const text = entryText(lang);
  const words = uiText(lang);
  const viewer = (c: Context<Env>) => {
    const user = c.get('user') as UserRecord;
    return { name: user.name, role: user.role, csrfToken: (c.get('session') as SessionRecord).csrfToken };
  };
  const show = (c: Context<Env>, title: string, body: Parameters<typeof page>[3], status = 200, scripts: string[] = []) =>
    c.html(page(lang, words, title, body, viewer(c), scripts), status as 200);
  const operators = options.requireRole(...rolesOf('entry'));
  const adjudicator = options.requireRole(...rolesOf('verify'));

  app.get('/entry', operators, (c) => show(c, text.entry, entryScreenHtml(form.spec, lang, text), 200, ['/static/entry.js']));

  app.get('/api/entry/status', operators, async (c) => {
    const formNo = (c.req.query('no') ?? '').trim();
    if (!FORM_NO.test(formNo)) return c.json({ error: text.badFormNo }, 400);
    return c.json(await entry.passCount(formNo, (c.get('user') as UserRecord).userId));
  });

  app.post('/api/entry', operators, async (c) => {
    const body = await jsonObjectBody(c);
    if (body instanceof Response) return body;
    const formNo = typeof body.form_no === 'string' ? body.form_no.trim() : '';
    if (!FORM_NO.test(formNo)) return c.json({ error: text.badFormNo }, 400);
    const answers = body.answers;
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return c.json({ error: 'answers: expected an object' }, 400);
    const startedAt = typeof body.started_at === 'string' && !Number.isNaN(Date.parse(body.started_at)) ? new Date(body.started_at).toISOString() : null;
    try {
      const saved = await keyPass(entry, form, { formNo, operatorId: (c.get('user') as UserRecord).userId, answers: answers as Record<string, unknown>, startedAt });
      return c.json({ form_no: formNo, pass: saved.pass.pass, created: saved.created, state: saved.state }, saved.created ? 201 : 200);
    } catch (err) {
      if (err instanceof EntryRefused) return c.json({ errors: err.problems }, 422);
      if (err instanceof ConflictError) return c.json({ error: err.message }, 409);
      throw err;
    }
  });

  app.get('/entry/verify', adjudicator, async (c) => show(c, text.verify, verifyOverviewHtml(await entryReport(entry, form), form.spec, lang, text)));

  const adjudicationPage = async (c: Context<Env>, formNo: string, problems: string[] = [], status = 200) => {
    const report = await entryReport(entry, form);
    const state = report.states.find((s) => s.formNo === formNo);
    return show(c, `${text.verify} ${formNo}`, adjudicationHtml(state, formNo, await entry.resolutions(), form.spec, lang, text, viewer(c).csrfToken, problems), state ? status : 404);
  };
  app.get('/entry/verify/:no', adjudicator, (c) => adjudicationPage(c, c.req.param('no')));

  app.post('/entry/verify/:no', adjudicator, async (c) => {
    const formNo = c.req.param('no');
    const fields = Object.fromEntries(Object.entries(await c.req.parseBody()).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const byName = new Map(form.spec.questions.map((q) => [q.name, q]));
    const state = (await entryReport(entry, form)).states.find((s) => s.formNo === formNo);
    if (!state) return adjudicationPage(c, formNo);
    const choices = [];
    for (const d of state.disagreements) {
      const pick = fields[`c:${d.variable}`];
      if (pick === undefined) continue;
      const q = byName.get(d.variable);
      if (!q) continue;
      const chosen = pick === 'first' ? d.first : pick === 'second' ? d.second : pick === 'other' ? keyedValue(q, fields[`o:${d.variable}`] ?? '') : undefined;
      if (chosen === undefined) return c.text(`c:${d.variable}: expected first, second or other`, 400);
      choices.push({ variable: d.variable, chosen });
    }
    if (!choices.length) return adjudicationPage(c, formNo, [text.pickAll], 422);
    try {
      await adjudicate(entry, form, (c.get('user') as UserRecord).userId, formNo, choices);
    } catch (err) {
      if (err instanceof EntryRefused) return adjudicationPage(c, formNo, err.problems.map((p) => `${p.variable}: ${messageIn(lang, p)}`), 422);
      if (err instanceof ConflictError) return adjudicationPage(c, formNo, [err.message], 409);
      throw err;
    }
    return c.redirect(`/entry/verify/${encodeURIComponent(formNo)}`, 303);
  });
}
