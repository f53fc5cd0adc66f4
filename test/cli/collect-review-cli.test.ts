import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, reviewSubmission } from '../../src/index.js';
import { FIXTURE_CODEBOOK } from '../helpers/collect-fixture.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

describe('survey users with supervisors', () => {
  it('adds a supervisor and puts enumerators in their team; a wrong supervisor adds nobody', async () => {
    const db = join(tempDir(), 's.sqlite');
    const add = async (...args: string[]) => (await runCli(['users', 'add', ...args, '--db', db]));
    expect((await add('李四', '--role', 'supervisor')).code).toBe(0);
    expect((await add('张三', '--role', 'enumerator', '--supervisor', '李四')).code).toBe(0);
    expect((await add('王五', '--role', 'enumerator')).code).toBe(0);
    const nobody = await add('赵六', '--role', 'enumerator', '--supervisor', '钱七');
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('--supervisor 钱七: no account of that name');
    expect((await add('孙八', '--role', 'enumerator', '--supervisor', '王五')).stderr).toContain('王五: not a supervisor (role enumerator)');
    expect((await add('viewer', '--role', 'viewer', '--supervisor', '李四')).code).toBe(2);
    const list = async () => JSON.parse((await runCli(['users', 'list', '--db', db, '--json'])).stdout).users.map((u: { name: string; role: string; supervisor: string | null }) => [u.name, u.role, u.supervisor]);
    expect((await list())).toEqual([
      ['李四', 'supervisor', null],
      ['张三', 'enumerator', '李四'],
      ['王五', 'enumerator', null],
    ]);
    expect((await runCli(['users', 'team', '王五', '--supervisor', '李四', '--db', db])).code).toBe(0);
    expect((await runCli(['users', 'team', '张三', '--db', db])).code).toBe(0);
    expect((await runCli(['users', 'team', '李四', '--supervisor', '李四', '--db', db])).code).toBe(2);
    expect((await list())).toEqual([
      ['李四', 'supervisor', null],
      ['张三', 'enumerator', null],
      ['王五', 'enumerator', '李四'],
    ]);
    expect((await runCli(['users', 'list', '--db', db])).stdout).toContain('王五\tenumerator\t(李四)');
  });
});

describe('survey export after review', () => {
  it('exports every active submission with the columns unchanged by default; --approved-only and --review-status say what review decided', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.yaml'), FIXTURE_CODEBOOK);
    const store = await openStore(join(dir, 'submissions.sqlite'), { formId: 'fixture-2025' });
    const enumerator = await store.addUser('张三', 'enumerator', 'x');
    const supervisor = await store.addUser('李四', 'supervisor', 'x');
    for (let i = 1; i <= 3; i++) {
      await store.submit({
        id: `export-${i}-0000000`, formId: 'fixture-2025', enumeratorId: enumerator.userId, answers: { area: 1, age: 30 + i },
        startedAt: null, endedAt: null, receivedAt: new Date(Date.UTC(2025, 2, 10, 8, i)).toISOString(), durationS: 600, device: null, ip: null, latitude: null, longitude: null,
      });
    }
    await reviewSubmission(store, 1, supervisor, 'approve', '');
    await reviewSubmission(store, 2, supervisor, 'reject', '请核实年龄');
    await store.close();
    const exported = async (...args: string[]) => {
      const r = (await runCli(['export', join(dir, 'q.yaml'), '--out', join(dir, 'out.csv'), '--force', '--json', ...args]));
      expect(r.code, r.stderr).toBe(0);
      return { summary: JSON.parse(r.stdout), lines: readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n') };
    };
    const plain = await exported();
    expect(plain.lines[0]).toBe('_source_row,id,submitted_at,duration_s,source,source_detail,ip,ip_region,area,age,farm_years,hobby_1,hobby_2,hobby_3,hobby_sport_hours,sat_income,sat_family,note');
    expect(plain.lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
    const approved = await exported('--approved-only');
    expect(approved.lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1']);
    expect(approved.summary).toMatchObject({ rows: 1, unapproved: 2, withdrawn: 0 });
    const status = await exported('--review-status');
    expect(status.lines[0].endsWith(',note,_review_status')).toBe(true);
    expect(status.lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(['approved', 'rejected', 'pending']);
  });
});
