import { UsageError } from '../../core/errors.js';
import type { Answers } from '../form/check-answers.js';
import { AUDIT_ACTIONS, POSTGRES_SCHEMA, REVIEW_STATUSES, ROLE_NAMES, SCHEMA_VERSION, SQLITE_SCHEMA } from './schema.js';
import { upgradeSchema } from './upgrade-schema.js';
import type { SqlDriver, SqlRow, SqlTransaction } from './sql-driver.js';

/** What an account may do: admin everything; supervisor review; enumerator fill in and see own submissions; viewer read. */
export type Role = (typeof ROLE_NAMES)[number];
export const ROLES: readonly Role[] = ROLE_NAMES;

/** An account (the password only as its hash). */
export interface UserRecord {
  userId: number;
  name: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
  /** The supervisor whose team the account is in (enumerators), or null. */
  supervisorId: number | null;
}

/** A login session: the cookie's token is stored only hashed. */
export interface SessionRecord {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** A stored questionnaire with its paradata. */
export interface SubmissionRecord {
  /** Order of arrival, 1, 2, …: `_source_row` and `id` of the exported table. */
  seq: number;
  /** The id the browser chose (a UUID): a retry with the same id never makes a second row. */
  id: string;
  formId: string;
  enumeratorId: number;
  enumerator: string;
  answers: Answers;
  startedAt: string | null;
  endedAt: string | null;
  receivedAt: string;
  durationS: number | null;
  device: string | null;
  ip: string | null;
  latitude: number | null;
  longitude: number | null;
  status: 'active' | 'withdrawn';
  statusReason: string | null;
  version: number;
  updatedAt: string;
  /** Where the submission stands in review (review-store.ts), with the reviewer's last comment. */
  reviewStatus: (typeof REVIEW_STATUSES)[number];
  reviewComment: string | null;
}

/** A new submission as the server accepted it. */
export type NewSubmission = Omit<SubmissionRecord, 'seq' | 'enumerator' | 'status' | 'statusReason' | 'version' | 'updatedAt' | 'reviewStatus' | 'reviewComment'>;

/** One change to a submission: who, when, what, before and after. */
export interface AuditEntry {
  entryId: number;
  submissionSeq: number;
  user: string;
  at: string;
  action: (typeof AUDIT_ACTIONS)[number];
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** A refused store operation: a retry whose content differs, a submission id another enumerator used. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

const now = () => new Date().toISOString();

function userOf(row: SqlRow): UserRecord {
  return {
    userId: Number(row.user_id),
    name: String(row.name),
    role: row.role as Role,
    passwordHash: String(row.password_hash),
    mustChangePassword: Number(row.must_change_password) === 1,
    disabled: Number(row.disabled) === 1,
    createdAt: String(row.created_at),
    supervisorId: num(row.supervisor_id),
  };
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function submissionOf(row: SqlRow): SubmissionRecord {
  return {
    seq: Number(row.seq),
    id: String(row.id),
    formId: String(row.form_id),
    enumeratorId: Number(row.enumerator_id),
    enumerator: String(row.enumerator),
    answers: JSON.parse(String(row.answers)) as Answers,
    startedAt: text(row.started_at),
    endedAt: text(row.ended_at),
    receivedAt: String(row.received_at),
    durationS: num(row.duration_s),
    device: text(row.device),
    ip: text(row.ip),
    latitude: num(row.latitude),
    longitude: num(row.longitude),
    status: row.status as SubmissionRecord['status'],
    statusReason: text(row.status_reason),
    version: Number(row.version),
    updatedAt: String(row.updated_at),
    reviewStatus: row.review_status as SubmissionRecord['reviewStatus'],
    reviewComment: text(row.review_comment),
  };
}

export const SUBMISSION_SELECT = `SELECT s.*, u.name AS enumerator FROM submissions s JOIN users u ON u.user_id = s.enumerator_id`;

/** Stable JSON of answers (keys sorted), to tell an identical retry from a different submission. */
function canonical(answers: Answers): string {
  return JSON.stringify(Object.fromEntries(Object.keys(answers).sort().map((k) => [k, answers[k]])));
}

/**
 * The collection database: accounts, sessions, submissions and their audit log, on SQLite or
 * PostgreSQL through the same parameterised SQL. Nothing is ever deleted but expired sessions.
 */
export class SubmissionStore {
  constructor(readonly driver: SqlDriver) {}

  /** Creates the tables (idempotent) and binds the database to one questionnaire (its codebook id). */
  async migrate(formId?: string): Promise<void> {
    await upgradeSchema(this.driver);
    if (this.driver.kind === 'postgres') {
      await this.driver.exec(`BEGIN; SELECT pg_advisory_xact_lock(72511826); ${POSTGRES_SCHEMA} COMMIT;`);
    } else {
      await this.driver.exec(SQLITE_SCHEMA);
    }
    await this.driver.transaction(async (tx) => {
      await upsertMeta(tx, 'schema_version', String(SCHEMA_VERSION), true);
      if (formId === undefined) return;
      const bound = await upsertMeta(tx, 'form_id', formId, false);
      if (bound !== formId) {
        throw new UsageError(`the database ${this.driver.location} holds submissions of questionnaire "${bound}", not "${formId}"`, {
          hint: 'give each questionnaire its own database (--db)',
        });
      }
    });
  }

  /** The questionnaire (codebook id) the database holds, or null before the first `serve`. */
  async formId(): Promise<string | null> {
    const rows = await this.driver.all('SELECT value FROM meta WHERE key = ?', ['form_id']);
    return rows.length ? String(rows[0].value) : null;
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  // ---- accounts

  async addUser(name: string, role: Role, passwordHash: string): Promise<UserRecord> {
    const existing = await this.findUser(name);
    if (existing) throw new UsageError(`there is already an account named ${name}`, { hint: 'use `survey users reset` for a new password' });
    await this.driver.run('INSERT INTO users (name, role, password_hash, must_change_password, disabled, created_at) VALUES (?, ?, ?, 1, 0, ?)', [name, role, passwordHash, now()]);
    return (await this.findUser(name)) as UserRecord;
  }

  async findUser(name: string): Promise<UserRecord | null> {
    const rows = await this.driver.all('SELECT * FROM users WHERE name = ?', [name]);
    return rows.length ? userOf(rows[0]) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.driver.all('SELECT * FROM users ORDER BY user_id')).map(userOf);
  }

  /** Sets a password; `mustChange` when it is a one-time password someone else has seen. Ends the user's sessions. */
  async setPassword(userId: number, passwordHash: string, mustChange: boolean): Promise<void> {
    await this.driver.transaction(async (tx) => {
      await tx.run('UPDATE users SET password_hash = ?, must_change_password = ? WHERE user_id = ?', [passwordHash, mustChange ? 1 : 0, userId]);
      await tx.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
    });
  }

  async setDisabled(userId: number, disabled: boolean): Promise<void> {
    await this.driver.transaction(async (tx) => {
      await tx.run('UPDATE users SET disabled = ? WHERE user_id = ?', [disabled ? 1 : 0, userId]);
      if (disabled) await tx.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
    });
  }

  // ---- sessions

  async createSession(session: SessionRecord): Promise<void> {
    await this.driver.run('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
      session.tokenHash,
      session.userId,
      session.csrfToken,
      session.createdAt,
      session.expiresAt,
    ]);
  }

  /** The live session with this token hash and its (enabled) user, or null. */
  async findSession(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | null> {
    const rows = await this.driver.all(
      'SELECT s.token_hash, s.csrf_token, s.created_at AS session_created_at, s.expires_at, u.* FROM sessions s JOIN users u ON u.user_id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0',
      [tokenHash, now()],
    );
    if (!rows.length) return null;
    const row = rows[0];
    return {
      session: { tokenHash: String(row.token_hash), userId: Number(row.user_id), csrfToken: String(row.csrf_token), createdAt: String(row.session_created_at), expiresAt: String(row.expires_at) },
      user: userOf(row),
    };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.driver.run('DELETE FROM sessions WHERE token_hash = ? OR expires_at <= ?', [tokenHash, now()]);
  }

  // ---- submissions

  /**
   * Stores a submission and its audit entry in one transaction; resolves only once it is
   * committed. The same id again (a retry) returns the stored row with `created: false`; the
   * same id with other answers, or from another account, is a ConflictError.
   */
  async submit(submission: NewSubmission): Promise<{ submission: SubmissionRecord; created: boolean }> {
    try {
      return await this.submitOnce(submission);
    } catch (err) {
      // The same id inserted by a concurrent retry: the second transaction now finds the first's row.
      if (isUniqueViolation(err)) return this.submitOnce(submission);
      throw err;
    }
  }

  private async submitOnce(submission: NewSubmission): Promise<{ submission: SubmissionRecord; created: boolean }> {
    return this.driver.transaction(async (tx) => {
      const existing = await tx.all(`${SUBMISSION_SELECT} WHERE s.id = ?`, [submission.id]);
      if (existing.length) {
        const stored = submissionOf(existing[0]);
        if (stored.enumeratorId !== submission.enumeratorId) throw new ConflictError('this submission id belongs to another account');
        const original = await tx.all("SELECT after FROM audit_log WHERE submission_seq = ? AND action = 'submit'", [stored.seq]);
        const first = original.length ? (JSON.parse(String(original[0].after)) as Answers) : stored.answers;
        if (canonical(first) !== canonical(submission.answers)) throw new ConflictError('a different questionnaire was already stored under this submission id');
        return { submission: stored, created: false };
      }
      const at = submission.receivedAt;
      const answers = JSON.stringify(submission.answers);
      await tx.run(
        `INSERT INTO submissions (id, form_id, enumerator_id, answers, started_at, ended_at, received_at, duration_s, device, ip, latitude, longitude, status, version, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 1, ?)`,
        [
          submission.id,
          submission.formId,
          submission.enumeratorId,
          answers,
          submission.startedAt,
          submission.endedAt,
          at,
          submission.durationS,
          submission.device,
          submission.ip,
          submission.latitude,
          submission.longitude,
          at,
        ],
      );
      const stored = submissionOf((await tx.all(`${SUBMISSION_SELECT} WHERE s.id = ?`, [submission.id]))[0]);
      await audit(tx, stored.seq, submission.enumeratorId, 'submit', null, submission.answers, null, at);
      return { submission: stored, created: true };
    });
  }

  async getSubmission(seq: number): Promise<SubmissionRecord | null> {
    const rows = await this.driver.all(`${SUBMISSION_SELECT} WHERE s.seq = ?`, [seq]);
    return rows.length ? submissionOf(rows[0]) : null;
  }

  /** Submissions in order of arrival; only one enumerator's with `enumeratorId`. */
  async listSubmissions(options: { enumeratorId?: number; status?: SubmissionRecord['status'] } = {}): Promise<SubmissionRecord[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (options.enumeratorId !== undefined) {
      where.push('s.enumerator_id = ?');
      params.push(options.enumeratorId);
    }
    if (options.status) {
      where.push('s.status = ?');
      params.push(options.status);
    }
    const rows = await this.driver.all(`${SUBMISSION_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY s.seq`, params);
    return rows.map(submissionOf);
  }

  /** Replaces a submission's answers (a correction), recording before and after. */
  async amend(seq: number, userId: number, answers: Answers, reason: string): Promise<SubmissionRecord> {
    return this.change(seq, userId, 'amend', reason, (s) => ({ answers, status: s.status, statusReason: s.statusReason }));
  }

  /** Withdraws a submission: its row stays, with the reason; exports leave it out. */
  async withdraw(seq: number, userId: number, reason: string): Promise<SubmissionRecord> {
    return this.change(seq, userId, 'withdraw', reason, (s) => ({ answers: s.answers, status: 'withdrawn', statusReason: reason }));
  }

  /** Puts a withdrawn submission back. */
  async restore(seq: number, userId: number, reason: string): Promise<SubmissionRecord> {
    return this.change(seq, userId, 'restore', reason, (s) => ({ answers: s.answers, status: 'active', statusReason: null }));
  }

  private async change(
    seq: number,
    userId: number,
    action: AuditEntry['action'],
    reason: string,
    next: (s: SubmissionRecord) => Pick<SubmissionRecord, 'answers' | 'status' | 'statusReason'>,
  ): Promise<SubmissionRecord> {
    return this.driver.transaction(async (tx) => {
      const rows = await tx.all(`${SUBMISSION_SELECT} WHERE s.seq = ?`, [seq]);
      if (!rows.length) throw new ConflictError(`there is no submission ${seq}`);
      const before = submissionOf(rows[0]);
      const after = next(before);
      const at = now();
      await tx.run('UPDATE submissions SET answers = ?, status = ?, status_reason = ?, version = version + 1, updated_at = ? WHERE seq = ?', [
        JSON.stringify(after.answers),
        after.status,
        after.statusReason,
        at,
        seq,
      ]);
      const pick = (s: Pick<SubmissionRecord, 'answers' | 'status' | 'statusReason'>) => ({ answers: s.answers, status: s.status, status_reason: s.statusReason });
      await audit(tx, seq, userId, action, pick(before), pick(after), reason, at);
      return submissionOf((await tx.all(`${SUBMISSION_SELECT} WHERE s.seq = ?`, [seq]))[0]);
    });
  }

  /** Every change to a submission, oldest first. */
  async auditLog(seq: number): Promise<AuditEntry[]> {
    const rows = await this.driver.all('SELECT a.*, u.name FROM audit_log a JOIN users u ON u.user_id = a.user_id WHERE a.submission_seq = ? ORDER BY a.entry_id', [seq]);
    return rows.map((row) => ({
      entryId: Number(row.entry_id),
      submissionSeq: Number(row.submission_seq),
      user: String(row.name),
      at: String(row.at),
      action: row.action as AuditEntry['action'],
      before: row.before === null ? null : JSON.parse(String(row.before)),
      after: row.after === null ? null : JSON.parse(String(row.after)),
      reason: text(row.reason),
    }));
  }
}

export async function audit(tx: SqlTransaction, seq: number, userId: number, action: AuditEntry['action'], before: unknown, after: unknown, reason: string | null, at: string): Promise<void> {
  await tx.run('INSERT INTO audit_log (submission_seq, user_id, at, action, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    seq,
    userId,
    at,
    action,
    before === null ? null : JSON.stringify(before),
    after === null ? null : JSON.stringify(after),
    reason,
  ]);
}

/** Sets a meta key if absent (or always, with `overwrite`); returns the value it holds. */
async function upsertMeta(tx: SqlTransaction, key: string, value: string, overwrite: boolean): Promise<string> {
  await tx.run(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO ${overwrite ? 'UPDATE SET value = excluded.value' : 'NOTHING'}`, [key, value]);
  return String((await tx.all('SELECT value FROM meta WHERE key = ?', [key]))[0].value);
}

/** A unique-key violation: two requests inserting the same submission id at once. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
