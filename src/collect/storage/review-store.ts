import { UsageError } from '../../core/errors.js';
import type { Answers } from '../form/check-answers.js';
import type { SqlRow, SqlTransaction } from './sql-driver.js';
import { ConflictError, SUBMISSION_SELECT, audit, submissionOf, type SubmissionRecord, type SubmissionStore, type UserRecord } from './submission-store.js';

/** A supervisor's decision on a submission. */
export type ReviewDecision = 'approve' | 'reject';

/** What a decision leaves the submission as, and from which states it may be taken. */
const DECISIONS: Record<ReviewDecision, { to: SubmissionRecord['reviewStatus']; from: SubmissionRecord['reviewStatus'][] }> = {
  // A supervisor may change their mind: approve what they sent back, send back what they approved.
  approve: { to: 'approved', from: ['pending', 'rejected'] },
  reject: { to: 'rejected', from: ['pending', 'approved'] },
};

/**
 * Who reviews whom (documented in the README): an admin reviews everything; a supervisor reviews
 * the enumerators of their team (`users add … --supervisor NAME`) and every enumerator who is in
 * no team, so a project without teams needs no set-up.
 */
const TEAM_CLAUSE = '(u.supervisor_id IS NULL OR u.supervisor_id = ?)';

/** A submission with its enumerator's supervisor (`team`). */
const REVIEW_SELECT = SUBMISSION_SELECT.replace('SELECT s.*', 'SELECT s.*, u.supervisor_id AS team');
const teamOf = (row: SqlRow): number | null => (row.team === null || row.team === undefined ? null : Number(row.team));

/** Whether a reviewer may see and decide on the submissions of an enumerator with this supervisor. */
function inTeam(reviewer: UserRecord, supervisorId: number | null): boolean {
  return reviewer.role === 'admin' || (reviewer.role === 'supervisor' && (supervisorId === null || supervisorId === reviewer.userId));
}

/** The active submissions a reviewer reviews, in order of arrival; only those in one review state with `reviewStatus`. */
export async function listForReview(store: SubmissionStore, reviewer: UserRecord, reviewStatus?: SubmissionRecord['reviewStatus']): Promise<SubmissionRecord[]> {
  if (reviewer.role !== 'admin' && reviewer.role !== 'supervisor') return [];
  const where = ["s.status = 'active'"];
  const params: (string | number)[] = [];
  if (reviewer.role === 'supervisor') {
    where.push(TEAM_CLAUSE);
    params.push(reviewer.userId);
  }
  if (reviewStatus) {
    where.push('s.review_status = ?');
    params.push(reviewStatus);
  }
  const rows = await store.driver.all(`${SUBMISSION_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.seq`, params);
  return rows.map(submissionOf);
}

/** One submission if the reviewer reviews its enumerator (withdrawn ones included, to be shown), else null. */
export async function findForReview(store: SubmissionStore, reviewer: UserRecord, seq: number): Promise<SubmissionRecord | null> {
  const rows = await store.driver.all(`${REVIEW_SELECT} WHERE s.seq = ?`, [seq]);
  if (!rows.length || !inTeam(reviewer, teamOf(rows[0]))) return null;
  return submissionOf(rows[0]);
}

/** The row and its enumerator's team, read inside the transaction that changes it. */
async function lockedRow(tx: SqlTransaction, seq: number): Promise<{ submission: SubmissionRecord; team: number | null }> {
  const rows = await tx.all(`${REVIEW_SELECT} WHERE s.seq = ?${tx.kind === 'postgres' ? ' FOR UPDATE OF s' : ''}`, [seq]);
  if (!rows.length) throw new ConflictError(`there is no submission ${seq}`);
  return { submission: submissionOf(rows[0]), team: teamOf(rows[0]) };
}

const reviewState = (s: Pick<SubmissionRecord, 'reviewStatus' | 'reviewComment'>) => ({ review_status: s.reviewStatus, review_comment: s.reviewComment });

/**
 * Approves or rejects an active submission, with the comment the enumerator will read (required
 * to reject), in one transaction with its audit entry. Refused (ConflictError) for a reviewer
 * outside the enumerator's team, a withdrawn submission, or a decision already in force.
 */
export async function reviewSubmission(store: SubmissionStore, seq: number, reviewer: UserRecord, decision: ReviewDecision, comment: string): Promise<SubmissionRecord> {
  const rule = DECISIONS[decision];
  const note = comment.trim() || null;
  if (decision === 'reject' && !note) throw new UsageError('a rejection needs a comment: what should the enumerator correct?');
  return store.driver.transaction(async (tx) => {
    const { submission: before, team } = await lockedRow(tx, seq);
    if (!inTeam(reviewer, team)) throw new ConflictError(`submission ${seq} is not reviewed by ${reviewer.name}`);
    if (before.status !== 'active') throw new ConflictError(`submission ${seq} is withdrawn`);
    if (!rule.from.includes(before.reviewStatus)) throw new ConflictError(`submission ${seq} is already ${before.reviewStatus}`);
    const at = new Date().toISOString();
    await tx.run('UPDATE submissions SET review_status = ?, review_comment = ?, version = version + 1, updated_at = ? WHERE seq = ?', [rule.to, note, at, seq]);
    await audit(tx, seq, reviewer.userId, decision, reviewState(before), reviewState({ reviewStatus: rule.to, reviewComment: note }), note, at);
    return submissionOf((await tx.all(`${SUBMISSION_SELECT} WHERE s.seq = ?`, [seq]))[0]);
  });
}

/**
 * The enumerator's corrected answers to a rejected submission: the answers are replaced (the
 * earlier version stays in the audit log's `before`), and the submission waits for review again.
 * Only its own enumerator may resubmit, and only while it is rejected.
 */
export async function resubmitSubmission(store: SubmissionStore, seq: number, enumerator: UserRecord, answers: Answers, note: string): Promise<SubmissionRecord> {
  return store.driver.transaction(async (tx) => {
    const { submission: before } = await lockedRow(tx, seq);
    if (before.enumeratorId !== enumerator.userId) throw new ConflictError(`submission ${seq} belongs to another enumerator`);
    if (before.status !== 'active' || before.reviewStatus !== 'rejected') throw new ConflictError(`submission ${seq} is not waiting for a correction`);
    const at = new Date().toISOString();
    await tx.run("UPDATE submissions SET answers = ?, review_status = 'pending', review_comment = NULL, version = version + 1, updated_at = ? WHERE seq = ?", [JSON.stringify(answers), at, seq]);
    await audit(
      tx,
      seq,
      enumerator.userId,
      'resubmit',
      { answers: before.answers, ...reviewState(before) },
      { answers, ...reviewState({ reviewStatus: 'pending', reviewComment: null }) },
      note.trim() || null,
      at,
    );
    return submissionOf((await tx.all(`${SUBMISSION_SELECT} WHERE s.seq = ?`, [seq]))[0]);
  });
}

/** Puts an enumerator in a supervisor's team (or in none, with null). */
export async function setSupervisor(store: SubmissionStore, enumerator: UserRecord, supervisor: UserRecord | null): Promise<void> {
  if (enumerator.role !== 'enumerator') throw new UsageError(`${enumerator.name} is not an enumerator (role ${enumerator.role}): only enumerators are in a supervisor's team`);
  if (supervisor && supervisor.role !== 'supervisor') throw new UsageError(`${supervisor.name} is not a supervisor (role ${supervisor.role})`);
  await store.driver.run('UPDATE users SET supervisor_id = ? WHERE user_id = ?', [supervisor?.userId ?? null, enumerator.userId]);
}
