import type { Answer, Answers } from '../form/check-answers.js';
import type { SqlRow, SqlTransaction } from '../storage/sql-driver.js';
import { ConflictError, isUniqueViolation, type SubmissionStore } from '../storage/submission-store.js';

/** One keying of a paper questionnaire: what one operator typed for one 问卷编号. */
export interface EntryPass {
  formNo: string;
  /** 1 for the first keying of the number, 2 for the second (by another operator). */
  pass: 1 | 2;
  operatorId: number;
  operator: string;
  answers: Answers;
  startedAt: string | null;
  savedAt: string;
}

/** An adjudicator's choice for one variable of one questionnaire (null: left blank). */
export interface EntryResolution {
  resolutionId: number;
  formNo: string;
  variable: string;
  chosen: Answer;
  userId: number;
  user: string;
  at: string;
}

/** A questionnaire number as printed in the 问卷编号 box: letters, digits and '-', up to 32. */
export const FORM_NO = /^[A-Za-z0-9-]{1,32}$/;

/** Stable JSON of answers (keys sorted), to tell a retried save from a different keying. */
function canonical(answers: Answers): string {
  return JSON.stringify(Object.fromEntries(Object.keys(answers).sort().map((k) => [k, answers[k]])));
}

function passOf(row: SqlRow): EntryPass {
  return {
    formNo: String(row.form_no),
    pass: Number(row.pass) === 2 ? 2 : 1,
    operatorId: Number(row.operator_id),
    operator: String(row.name),
    answers: JSON.parse(String(row.answers)) as Answers,
    startedAt: row.started_at === null || row.started_at === undefined ? null : String(row.started_at),
    savedAt: String(row.saved_at),
  };
}

const PASS_SELECT = 'SELECT p.*, u.name FROM entry_passes p JOIN users u ON u.user_id = p.operator_id';

/**
 * Double data entry in the collection database (tables of entry-schema.ts): passes keyed by
 * operators and the adjudicator's resolutions, both append-only. The rules of double entry are
 * kept here, where concurrent requests meet: a number is keyed at most twice, by two operators.
 */
export class EntryStore {
  constructor(readonly store: SubmissionStore) {}

  /**
   * Stores one keying of a questionnaire as pass 1 or 2, committed before it resolves. The same
   * operator saving the same answers again (a retry) gets the stored pass with `created: false`;
   * keying a number a second time oneself, or a third time, is a ConflictError.
   */
  async savePass(input: { formNo: string; operatorId: number; answers: Answers; startedAt: string | null }): Promise<{ pass: EntryPass; created: boolean }> {
    try {
      return await this.savePassOnce(input);
    } catch (err) {
      // Two operators saving the same number at once: the loser now sees the winner's pass.
      if (isUniqueViolation(err)) return this.savePassOnce(input);
      throw err;
    }
  }

  private savePassOnce(input: { formNo: string; operatorId: number; answers: Answers; startedAt: string | null }): Promise<{ pass: EntryPass; created: boolean }> {
    return this.store.driver.transaction(async (tx) => {
      const existing = (await tx.all(`${PASS_SELECT} WHERE p.form_no = ? ORDER BY p.pass`, [input.formNo])).map(passOf);
      const own = existing.find((p) => p.operatorId === input.operatorId);
      if (own) {
        if (canonical(own.answers) === canonical(input.answers)) return { pass: own, created: false };
        throw new ConflictError(`questionnaire ${input.formNo}: you keyed it already (pass ${own.pass}); the other pass must be keyed by another operator`);
      }
      if (existing.length >= 2) throw new ConflictError(`questionnaire ${input.formNo} has been keyed twice already`);
      const pass = existing.length + 1;
      await tx.run('INSERT INTO entry_passes (form_no, pass, operator_id, answers, started_at, saved_at) VALUES (?, ?, ?, ?, ?, ?)', [
        input.formNo,
        pass,
        input.operatorId,
        JSON.stringify(input.answers),
        input.startedAt,
        new Date().toISOString(),
      ]);
      return { pass: passOf((await tx.all(`${PASS_SELECT} WHERE p.form_no = ? AND p.pass = ?`, [input.formNo, pass]))[0]), created: true };
    });
  }

  /** Every pass, by questionnaire number and pass; only one operator's with `operatorId`. */
  async passes(options: { operatorId?: number } = {}): Promise<EntryPass[]> {
    const where = options.operatorId === undefined ? '' : ' WHERE p.operator_id = ?';
    const rows = await this.store.driver.all(`${PASS_SELECT}${where} ORDER BY p.form_no, p.pass`, options.operatorId === undefined ? [] : [options.operatorId]);
    return rows.map(passOf);
  }

  /** How many passes a number has, and whether this operator keyed one: all the entry screen may learn before keying (the other pass stays unseen). */
  async passCount(formNo: string, operatorId: number): Promise<{ count: number; own: boolean }> {
    const rows = await this.store.driver.all('SELECT operator_id FROM entry_passes WHERE form_no = ?', [formNo]);
    return { count: rows.length, own: rows.some((r) => Number(r.operator_id) === operatorId) };
  }

  /** Every resolution, oldest first (a later one for the same variable supersedes the earlier). */
  async resolutions(): Promise<EntryResolution[]> {
    const rows = await this.store.driver.all('SELECT r.*, u.name FROM entry_resolutions r JOIN users u ON u.user_id = r.user_id ORDER BY r.resolution_id');
    return rows.map((row) => ({
      resolutionId: Number(row.resolution_id),
      formNo: String(row.form_no),
      variable: String(row.variable),
      chosen: row.chosen === null ? null : (JSON.parse(String(row.chosen)) as Answer),
      userId: Number(row.user_id),
      user: String(row.name),
      at: String(row.at),
    }));
  }

  /** Records an adjudicator's choices for one questionnaire, all in one transaction. */
  async resolve(formNo: string, userId: number, choices: { variable: string; chosen: Answer }[]): Promise<void> {
    const at = new Date().toISOString();
    await this.store.driver.transaction(async (tx: SqlTransaction) => {
      for (const c of choices) {
        await tx.run('INSERT INTO entry_resolutions (form_no, variable, chosen, user_id, at) VALUES (?, ?, ?, ?, ?)', [formNo, c.variable, c.chosen === null ? null : JSON.stringify(c.chosen), userId, at]);
      }
    });
  }

  /** The ids of the submissions already made from verified paper questionnaires. */
  async promotedIds(): Promise<Set<string>> {
    const rows = await this.store.driver.all(`SELECT id FROM submissions WHERE id LIKE ?`, [`${PAPER_PREFIX}%`]);
    return new Set(rows.map((r) => String(r.id)));
  }
}

/** Submission ids of paper questionnaires start so (a browser's are UUIDs). */
export const PAPER_PREFIX = 'paper-';
