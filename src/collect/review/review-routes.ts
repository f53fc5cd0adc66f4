import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { CleanRules } from '../../clean/clean-rules.js';
import { UsageError } from '../../core/errors.js';
import type { AnswerProblem, CompiledForm } from '../form/check-answers.js';
import type { FormSpec } from '../form/form-spec.js';
import { enumeratorQuality } from '../quality/enumerator-quality.js';
import { qualityHtml } from '../quality/render-quality.js';
import { specCodebook } from '../quality/spec-codebook.js';
import { html, type SafeHtml } from '../server/html.js';
import { submissionHtml } from '../server/render-tables.js';
import { rolesOf } from '../server/page-roles.js';
import { jsonObjectBody } from '../server/route-context.js';
import type { UiText } from '../../locale/collect-words.js';
import type { Lang } from '../../locale/lang.js';
import { findForReview, listForReview, resubmitSubmission, reviewSubmission, type ReviewDecision } from '../storage/review-store.js';
import { ConflictError, type Role, type SessionRecord, type SubmissionRecord, type SubmissionStore, type UserRecord } from '../storage/submission-store.js';
import { checkCorrection, correctionInput } from './read-correction.js';
import { correctionHtml, decisionFormHtml, reviewQueueHtml, type ReviewFilter } from './render-review.js';
import { reviewText } from '../../locale/review-words.js';

type Env = { Variables: { user: UserRecord | null; session: SessionRecord | null } };

/** What the review pages need from the collection app: its store and form, and its log-in and page helpers. */
export interface ReviewRouteOptions {
  store: SubmissionStore;
  spec: FormSpec;
  form: CompiledForm;
  lang: Lang;
  text: UiText;
  /** The cleaning rules of the plan, for the quality view's speeder, straight-lining and burst rules. */
  rules?: CleanRules;
  requireRole: (...roles: Role[]) => MiddlewareHandler<Env>;
  /** A page in the app's frame for the logged-in user. */
  show: (c: Context<Env>, title: string, body: SafeHtml, status?: number) => Response | Promise<Response>;
}

const DECISIONS = new Set<ReviewDecision>(['approve', 'reject']);
const FILTERS = new Set<ReviewFilter>(['pending', 'rejected', 'approved', 'all']);

/** Runs a decision or resubmission; a refusal becomes its reason: the reason as a page or JSON, 422 for bad input and 409 for a state that forbids it. */
type Refusal = { status: 404 | 409 | 422; message: string };
type Outcome = { submission: SubmissionRecord } | Refusal;

async function attempt(work: () => Promise<SubmissionRecord>): Promise<Outcome> {
  try {
    return { submission: await work() };
  } catch (err) {
    if (err instanceof UsageError) return { status: 422, message: err.message };
    if (err instanceof ConflictError) return { status: 409, message: err.message };
    throw err;
  }
}

/**
 * Supervision (Survey Solutions-style): supervisors and admins review the submissions of their team
 * and approve or reject each with a comment; the enumerator sees the rejection in their list,
 * corrects and resubmits (every version kept in the audit log); the per-enumerator quality view.
 * Every POST goes through the app's CSRF check; roles are checked here, the team in the store.
 */
export function registerReviewRoutes(app: Hono<Env>, options: ReviewRouteOptions): void {
  const { store, spec, form, lang, text, requireRole, show } = options;
  const t = reviewText(lang);
  const reviewers = requireRole(...rolesOf('review'));
  const enumerators = requireRole('enumerator');
  const userOf = (c: Context<Env>) => c.get('user') as UserRecord;
  const csrfOf = (c: Context<Env>) => (c.get('session') as SessionRecord).csrfToken;
  const seqOf = (c: Context<Env>) => {
    const seq = Number(c.req.param('seq'));
    return Number.isInteger(seq) && seq > 0 ? seq : null;
  };
  const problem = (c: Context<Env>, status: number, message: string) => show(c, t.conflict, html`<h1>${t.conflict}</h1><p class="notice" role="alert">${message}</p>`, status);
  const fieldsOf = async (c: Context<Env>) => {
    const type = c.req.header('content-type') ?? '';
    return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data') ? c.req.formData() : new FormData();
  };
  const field = (fields: FormData, name: string) => {
    const value = fields.get(name);
    return typeof value === 'string' ? value.slice(0, 2000) : '';
  };

  // ---- supervisor: the queue, one submission, the decision
  app.get('/review', reviewers, async (c) => {
    const asked = c.req.query('status') ?? 'pending';
    const filter: ReviewFilter = FILTERS.has(asked as ReviewFilter) ? (asked as ReviewFilter) : 'pending';
    const list = await listForReview(store, userOf(c), filter === 'all' ? undefined : filter);
    return show(c, t.queue, reviewQueueHtml(list, filter, t, text));
  });
  const reviewPage = async (c: Context<Env>, s: SubmissionRecord, status = 200) => {
    const body = html`${submissionHtml(s, await store.auditLog(s.seq), spec, lang, text, null)}${decisionFormHtml(s, csrfOf(c), t)}`;
    return show(c, `${t.review} ${s.seq}`, body, status);
  };
  app.get('/review/:seq', reviewers, async (c) => {
    const seq = seqOf(c);
    const s = seq === null ? null : await findForReview(store, userOf(c), seq);
    return s ? reviewPage(c, s) : problem(c, 404, text.notFound);
  });
  const decide = async (seq: number | null, reviewer: UserRecord, decision: unknown, comment: string): Promise<Outcome> => {
    if (seq === null || !(await findForReview(store, reviewer, seq))) return { status: 404, message: text.notFound };
    if (!DECISIONS.has(decision as ReviewDecision)) return { status: 422, message: 'decision: approve or reject' };
    return attempt(() => reviewSubmission(store, seq, reviewer, decision as ReviewDecision, comment));
  };
  app.post('/review/:seq', reviewers, async (c) => {
    const fields = await fieldsOf(c);
    const result = await decide(seqOf(c), userOf(c), field(fields, 'decision'), field(fields, 'comment'));
    if ('submission' in result) return c.redirect('/review?status=pending', 303);
    return problem(c, result.status, result.message);
  });
  app.post('/api/submissions/:seq/review', reviewers, async (c) => {
    const body = await jsonObjectBody(c);
    if (body instanceof Response) return body;
    const comment = typeof body.comment === 'string' ? body.comment.slice(0, 2000) : '';
    const result = await decide(seqOf(c), userOf(c), body.decision, comment);
    if ('submission' in result) return c.json({ seq: result.submission.seq, review_status: result.submission.reviewStatus, version: result.submission.version });
    return c.json({ error: result.message }, result.status);
  });

  // ---- enumerator: correct a rejected submission and resubmit it
  const ownRejected = async (c: Context<Env>) => {
    const seq = seqOf(c);
    const s = seq === null ? null : await store.getSubmission(seq);
    return s && s.enumeratorId === userOf(c).userId && s.status === 'active' && s.reviewStatus === 'rejected' ? s : null;
  };
  const correctionPage = (c: Context<Env>, s: SubmissionRecord, input: Record<string, unknown>, errors = checkCorrection(form, input).errors, status = 200) => {
    const asked = new Set(checkCorrection(form, input).asked);
    return show(c, t.correctTitle, correctionHtml(s, input as SubmissionRecord['answers'], spec, asked, errors, lang, t, csrfOf(c)), status);
  };
  app.get('/review/:seq/correct', requireRole('enumerator', 'admin', 'supervisor'), async (c) => {
    // The list's "correct" link, followed by a reviewer, leads to the review page instead.
    if (userOf(c).role !== 'enumerator') return c.redirect(`/review/${seqOf(c) ?? ''}`, 303);
    const s = await ownRejected(c);
    return s ? correctionPage(c, s, s.answers, []) : problem(c, 404, text.notFound);
  });
  const resubmit = async (s: SubmissionRecord, user: UserRecord, input: Record<string, unknown>, note: string): Promise<Outcome | { errors: AnswerProblem[] }> => {
    const checked = checkCorrection(form, input);
    if (checked.errors.length) return { errors: checked.errors };
    return attempt(() => resubmitSubmission(store, s.seq, user, checked.answers, note));
  };
  app.post('/review/:seq/correct', enumerators, async (c) => {
    const s = await ownRejected(c);
    if (!s) return problem(c, 404, text.notFound);
    const fields = await fieldsOf(c);
    const input = correctionInput(form, fields);
    const result = await resubmit(s, userOf(c), input, field(fields, '_note'));
    if ('errors' in result) return correctionPage(c, s, input, result.errors, 422);
    if ('submission' in result) return c.redirect('/submissions', 303);
    return problem(c, result.status, result.message);
  });
  app.post('/api/submissions/:seq/resubmit', enumerators, async (c) => {
    const s = await ownRejected(c);
    if (!s) return c.json({ error: 'not found, or not waiting for a correction' }, 404);
    const body = await jsonObjectBody(c);
    if (body instanceof Response) return body;
    if (typeof body.answers !== 'object' || body.answers === null || Array.isArray(body.answers)) return c.json({ error: 'answers: expected an object' }, 400);
    const result = await resubmit(s, userOf(c), body.answers as Record<string, unknown>, typeof body.note === 'string' ? body.note.slice(0, 1000) : '');
    if ('errors' in result) return c.json({ errors: result.errors }, 422);
    if ('submission' in result) return c.json({ seq: result.submission.seq, review_status: result.submission.reviewStatus, version: result.submission.version });
    return c.json({ error: result.message }, result.status);
  });

  // ---- the per-enumerator quality view (every enumerator: each is compared with all the others)
  app.get('/quality', requireRole(...rolesOf('quality')), async (c) => {
    const report = enumeratorQuality(specCodebook(spec), await store.listSubmissions({ status: 'active' }), { rules: options.rules, lang });
    return show(c, t.quality, qualityHtml(report, lang));
  });
}
