import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, openStore, type NewSubmission, type SubmissionStore, type UserRecord } from '../../../src/index.js';
import { collectionBackends } from '../../helpers/collect-fixture.js';
import { postgresAvailable } from '../../helpers/postgres.js';

// The same tests on both databases: SQLite (a file) and PostgreSQL (a throwaway cluster).
const backends = collectionBackends('store', 'q1');

const SQL_TEXT = `'); DROP TABLE submissions; -- " \\ ; SELECT * FROM users WHERE '1'='1`;

function submission(user: UserRecord, id: string, answers: NewSubmission['answers'] = { area: 1, note: 'x' }): NewSubmission {
  return {
    id,
    formId: 'q1',
    enumeratorId: user.userId,
    answers,
    startedAt: '2025-03-10T08:00:00.000Z',
    endedAt: '2025-03-10T08:09:30.000Z',
    receivedAt: new Date().toISOString(),
    durationS: 570,
    device: 'test',
    ip: '127.0.0.1',
    latitude: null,
    longitude: null,
  };
}

describe.each(backends)('collection store on $name', ({ name, open }) => {
  const skip = name === 'postgres' && !postgresAvailable();

  it.skipIf(skip)('stores a submission once: a retry with the same id returns the stored row', async () => {
    const store = await open();
    const user = await store.addUser('张三', 'enumerator', 'hash');
    const first = await store.submit(submission(user, 'aaaaaaaa-1'));
    const again = await store.submit(submission(user, 'aaaaaaaa-1'));
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.submission.seq).toBe(first.submission.seq);
    expect(await store.listSubmissions()).toHaveLength(1);
    // Concurrent retries of one id: still one row.
    const burst = await Promise.all(Array.from({ length: 8 }, () => store.submit(submission(user, 'bbbbbbbb-2'))));
    expect(burst.filter((r) => r.created)).toHaveLength(1);
    expect(await store.listSubmissions()).toHaveLength(2);
    await store.close();
  });

  it.skipIf(skip)('refuses the same id with other answers or from another account', async () => {
    const store = await open();
    const a = await store.addUser('a', 'enumerator', 'hash');
    const b = await store.addUser('b', 'enumerator', 'hash');
    await store.submit(submission(a, 'cccccccc-3'));
    await expect(store.submit(submission(a, 'cccccccc-3', { area: 2 }))).rejects.toBeInstanceOf(ConflictError);
    await expect(store.submit(submission(b, 'cccccccc-3'))).rejects.toBeInstanceOf(ConflictError);
    await store.close();
  });

  it.skipIf(skip)('never deletes: submissions and the audit log refuse DELETE, fixed columns refuse UPDATE', async () => {
    const store = await open();
    const user = await store.addUser('a', 'enumerator', 'hash');
    const { submission: s } = await store.submit(submission(user, 'dddddddd-4'));
    await expect(store.driver.run('DELETE FROM submissions WHERE seq = ?', [s.seq])).rejects.toThrow(/never deleted/);
    await expect(store.driver.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(store.driver.run("UPDATE audit_log SET reason = 'x'")).rejects.toThrow(/append-only/);
    await expect(store.driver.run('UPDATE submissions SET enumerator_id = ? WHERE seq = ?', [user.userId + 1, s.seq])).rejects.toThrow(/cannot change/);
    await expect(store.driver.run("UPDATE submissions SET received_at = 'x' WHERE seq = ?", [s.seq])).rejects.toThrow(/cannot change/);
    expect(await store.listSubmissions()).toHaveLength(1);
    await store.close();
  });

  it.skipIf(skip)('records every change with who, when, before and after; a withdrawn submission keeps its row and reason', async () => {
    const store = await open();
    const enumerator = await store.addUser('e', 'enumerator', 'hash');
    const admin = await store.addUser('boss', 'admin', 'hash');
    const { submission: s } = await store.submit(submission(enumerator, 'eeeeeeee-5', { area: 1 }));
    await store.amend(s.seq, admin.userId, { area: 2 }, 'wrong area keyed');
    const withdrawn = await store.withdraw(s.seq, admin.userId, 'respondent withdrew consent');
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusReason: 'respondent withdrew consent', version: 3, answers: { area: 2 } });
    const log = await store.auditLog(s.seq);
    expect(log.map((e) => [e.action, e.user, e.reason])).toEqual([
      ['submit', 'e', null],
      ['amend', 'boss', 'wrong area keyed'],
      ['withdraw', 'boss', 'respondent withdrew consent'],
    ]);
    expect(log[1].before).toMatchObject({ answers: { area: 1 }, status: 'active' });
    expect(log[1].after).toMatchObject({ answers: { area: 2 }, status: 'active' });
    expect(log[2].after).toMatchObject({ status: 'withdrawn', status_reason: 'respondent withdrew consent' });
    expect(await store.listSubmissions()).toHaveLength(1);
    expect(await store.listSubmissions({ status: 'active' })).toHaveLength(0);
    await store.close();
  });

  it.skipIf(skip)('keeps SQL text in every field as text (parameterised queries only)', async () => {
    const store = await open();
    const user = await store.addUser(SQL_TEXT, 'enumerator', SQL_TEXT);
    expect((await store.findUser(SQL_TEXT))?.passwordHash).toBe(SQL_TEXT);
    const s = submission(user, 'ffffffff-6', { note: SQL_TEXT, area: SQL_TEXT });
    s.device = SQL_TEXT;
    s.ip = SQL_TEXT;
    const { submission: stored } = await store.submit(s);
    await store.withdraw(stored.seq, user.userId, SQL_TEXT);
    const [back] = await store.listSubmissions({ enumeratorId: user.userId });
    expect(back).toMatchObject({ enumerator: SQL_TEXT, device: SQL_TEXT, ip: SQL_TEXT, statusReason: SQL_TEXT, answers: { note: SQL_TEXT, area: SQL_TEXT } });
    expect((await store.auditLog(stored.seq))[1].reason).toBe(SQL_TEXT);
    expect(await store.listUsers()).toHaveLength(1);
    await store.close();
  });

  it.skipIf(skip)('acknowledges only after commit: a failure inside the transaction leaves no row', async () => {
    const store = await open();
    const user = await store.addUser('a', 'enumerator', 'hash');
    // Make the audit insert (the transaction's last statement) fail.
    await store.driver.run("INSERT INTO meta (key, value) VALUES ('x', 'y')");
    if (store.driver.kind === 'sqlite') {
      await store.driver.exec("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    } else {
      await store.driver.exec("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION survey_refuse('disk full')");
    }
    await expect(store.submit(submission(user, 'gggggggg-7'))).rejects.toThrow(/disk full/);
    expect(await store.listSubmissions()).toHaveLength(0);
    await store.close();
  });

  it.skipIf(skip)('binds a database to one questionnaire', async () => {
    const store = await open('q1');
    await store.close();
    if (store.driver.kind === 'sqlite') {
      await expect(openStore(store.driver.location, { formId: 'other' })).rejects.toThrow(/holds submissions of questionnaire "q1"/);
    }
  });
});
