import type { SubmissionRecord } from '../storage/submission-store.js';
import type { SafeHtml } from './html.js';
import { rolesOf } from './page-roles.js';
import { page } from './render-pages.js';
import { amendHtml, answerCodes, submissionHtml, submissionsHtml } from './render-tables.js';
import { formFields, type CollectContext, type CollectHono, type RouteContext } from './route-context.js';
import { messageIn } from '../../locale/bilingual.js';

/** A submission as the API shows it. */
export function publicSubmission(s: SubmissionRecord) {
  return {
    seq: s.seq,
    id: s.id,
    enumerator: s.enumerator,
    answers: s.answers,
    received_at: s.receivedAt,
    duration_s: s.durationS,
    latitude: s.latitude,
    longitude: s.longitude,
    status: s.status,
    status_reason: s.statusReason,
    version: s.version,
    review_status: s.reviewStatus,
    review_comment: s.reviewComment,
  };
}

/** The submissions, as lists and one by one: an enumerator's own; everyone's for admin and viewer. An admin withdraws. */
export function registerSubmissionRoutes(app: CollectHono, ctx: RouteContext): void {
  const { store, spec, lang, text } = ctx;
  const visible = async (c: CollectContext): Promise<SubmissionRecord[]> => {
    const user = ctx.userOf(c);
    return store.listSubmissions(user.role === 'enumerator' ? { enumeratorId: user.userId } : {});
  };
  const findVisible = async (c: CollectContext): Promise<SubmissionRecord | null> => {
    const seq = Number(c.req.param('seq'));
    if (!Number.isInteger(seq) || seq < 1) return null;
    const submission = await store.getSubmission(seq);
    const user = ctx.userOf(c);
    if (!submission || (user.role === 'enumerator' && submission.enumeratorId !== user.userId)) return null;
    return submission;
  };
  app.get('/api/submissions', ctx.anyone, async (c) => c.json({ submissions: (await visible(c)).map(publicSubmission) }));
  app.get('/api/submissions/:seq', ctx.anyone, async (c) => {
    const submission = await findVisible(c);
    return submission ? c.json(publicSubmission(submission)) : c.json({ error: 'not found' }, 404);
  });
  app.get('/submissions', ctx.requireRole(...rolesOf('submissions')), async (c) => ctx.htmlPage(c, page(lang, text, text.submissions, submissionsHtml(await visible(c), text), ctx.viewerOf(c))));
  app.get('/submissions/:seq', ctx.anyone, async (c) => {
    const submission = await findVisible(c);
    if (!submission) return ctx.message(c, text.notFound, 404);
    const user = ctx.userOf(c);
    const history = user.role === 'enumerator' ? [] : await store.auditLog(submission.seq);
    const body: SafeHtml = submissionHtml(submission, history, spec, lang, text, user.role === 'admin' ? ctx.viewerOf(c).csrfToken : null);
    return ctx.htmlPage(c, page(lang, text, `${text.submissions} ${submission.seq}`, body, ctx.viewerOf(c)));
  });
  // Corrections (admin): the answers as codes, checked by the same server-side validation as a
  // new submission; each one in the audit log with before and after.
  const admin = ctx.requireRole('admin');
  const amendPage = (c: CollectContext, s: SubmissionRecord, values: Record<string, string>, problems: Map<string, string>, reason: string, status = 200) =>
    ctx.htmlPage(c, page(lang, text, `${text.amendTitle} ${s.seq}`, amendHtml(s, values, problems, reason, spec, lang, text, ctx.viewerOf(c).csrfToken), ctx.viewerOf(c)), status);
  app.get('/submissions/:seq/amend', admin, async (c) => {
    const s = await findVisible(c);
    if (!s || s.status !== 'active') return ctx.message(c, text.notFound, 404);
    return amendPage(c, s, Object.fromEntries(spec.questions.map((q) => [q.name, answerCodes(s.answers[q.name])])), new Map(), '');
  });
  app.post('/submissions/:seq/amend', admin, async (c) => {
    const s = await findVisible(c);
    if (!s || s.status !== 'active') return ctx.message(c, text.notFound, 404);
    const fields = await formFields(c);
    const values = Object.fromEntries(spec.questions.map((q) => [q.name, (fields[`a.${q.name}`] ?? '').trim()]));
    const answers: Record<string, unknown> = {};
    for (const q of spec.questions) {
      const value = values[q.name];
      if (value === '') continue;
      answers[q.name] = q.type === 'multi' || q.type === 'rank' ? value.split(/[,，\s]+/).filter(Boolean) : value;
    }
    const reason = (fields.reason ?? '').trim().slice(0, 1000);
    const checked = ctx.check(answers);
    const problems = new Map(checked.errors.map((e) => [e.variable, messageIn(lang, e)]));
    if (!reason) problems.set('', text.amendReason);
    if (problems.size) return amendPage(c, s, values, problems, reason, 422);
    await store.amend(s.seq, ctx.userOf(c).userId, checked.answers, reason);
    return c.redirect(`/submissions/${s.seq}`, 303);
  });

  app.post('/submissions/:seq/withdraw', ctx.requireRole('admin'), async (c) => {
    const seq = Number(c.req.param('seq'));
    const fields = await formFields(c);
    const reason = (fields.reason ?? '').trim();
    if (!reason) return c.text('a reason is required', 422);
    if (!Number.isInteger(seq) || !(await store.getSubmission(seq))) return ctx.message(c, text.notFound, 404);
    await store.withdraw(seq, ctx.userOf(c).userId, reason.slice(0, 1000));
    return c.redirect(`/submissions/${seq}`, 303);
  });
}
