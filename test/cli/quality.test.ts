import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, formSpec, loadCodebook, openStore, type Answers, type Codebook, type NewSubmission, type QualityReport, type Rng } from '../../src/index.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const bazhou = fileURLToPath(new URL('../../data-samples/bazhou-2025/', import.meta.url));
const plan = join(bazhou, 'plan.yaml');
const HONEST = ['张三', '李四', '王五', '赵六', '钱七'];
const FABRICATOR = '孙八';
const PER_ENUMERATOR = 30;

/** A normal draw (Box–Muller) for durations and places. */
const normal = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());

/**
 * One honest interview of the bundled questionnaire: every question answered at random from its
 * choices (now and then 说不清), numbers within their ranges — no pattern an enumerator would make.
 */
function honestAnswers(codebook: Codebook, rng: Rng): Answers {
  const answers: Answers = {};
  for (const q of formSpec(codebook).questions) {
    const choices = q.choices.filter((c) => !c.missing);
    const declared = q.choices.filter((c) => c.missing);
    if (q.type === 'single') answers[q.name] = declared.length && rng.uniform() < 0.03 ? declared[0].code : choices[rng.below(choices.length)].code;
    else if (q.type === 'numeric' && q.range) answers[q.name] = q.name === 'age' ? 18 + rng.below(70) : q.name === 'household_size' ? 1 + rng.below(6) : 5000 + rng.below(100_000);
  }
  return answers;
}

/**
 * A simulated fieldwork: five honest enumerators (interviews of about 15 minutes, an hour or more
 * apart, in households across a few kilometres) and one who fabricates — 2-minute interviews,
 * every grid answered one way, always 比较幸福, ten questionnaires within twenty minutes, all "at" one spot.
 */
async function fieldwork(db: string, codebook: Codebook): Promise<void> {
  const rng = createRng(20250310, 'quality-fieldwork');
  const store = await openStore(db, { formId: codebook.id });
  const start = Date.UTC(2025, 2, 10, 0, 30);
  let n = 0;
  for (const name of [...HONEST, FABRICATOR]) {
    const user = await store.addUser(name, 'enumerator', 'x');
    const fake = name === FABRICATOR;
    let ended = start;
    for (let i = 0; i < PER_ENUMERATOR; i++) {
      const answers = honestAnswers(codebook, rng);
      if (fake) {
        for (const v of codebook.variables) if (v.group) answers[v.name] = 3;
        answers.happiness = 4;
      }
      const duration = fake ? 100 + rng.below(60) : Math.round(900 * Math.exp(0.25 * normal(rng)));
      // The fabricator's first ten end two minutes apart; everyone else's 60–150 minutes apart (a night's break every 6).
      ended += fake && i < 10 ? 120_000 : (60 + rng.below(90)) * 60_000 + (i % 6 === 5 ? 14 * 3_600_000 : 0);
      const spot = fake ? { latitude: 31.8691, longitude: 106.7478 } : { latitude: 31.85 + 0.02 * rng.uniform(), longitude: 106.73 + 0.03 * rng.uniform() };
      const s: NewSubmission = {
        id: `field-${String(++n).padStart(4, '0')}-0000`,
        formId: codebook.id,
        enumeratorId: user.userId,
        answers,
        startedAt: new Date(ended - duration * 1000).toISOString(),
        endedAt: new Date(ended).toISOString(),
        receivedAt: new Date(ended + 5_000).toISOString(),
        durationS: duration,
        device: 'phone',
        ip: `10.0.${user.userId}.1`,
        latitude: spot.latitude + (fake ? 0.00002 * normal(rng) : 0),
        longitude: spot.longitude + (fake ? 0.00002 * normal(rng) : 0),
      };
      await store.submit(s);
    }
  }
  await store.close();
}

describe('survey quality on a simulated fieldwork', () => {
  let db: string;
  beforeAll(async () => {
    db = join(tempDir('survey-quality-'), 'submissions.sqlite');
    await fieldwork(db, await loadCodebook(join(bazhou, 'codebook.yaml')));
  });

  it('flags the fabricating enumerator on every count — speed, straight lines, distributions, burst, GPS — and none of the honest ones', async () => {
    const r = (await runCli(['quality', plan, '--db', db, '--json']));
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as QualityReport;
    expect(report.interviews).toBe(6 * PER_ENUMERATOR);
    expect(report.setAside).toEqual([FABRICATOR]);
    const flagged = report.enumerators.filter((e) => e.flags.length);
    expect(flagged.map((e) => e.enumerator)).toEqual([FABRICATOR]);
    const fake = flagged[0];
    expect(fake.flags.map((f) => f.rule).sort()).toEqual(['burst', 'distribution', 'gps', 'speeder', 'straight-lining']);
    expect(fake).toMatchObject({ speeders: PER_ENUMERATOR, straightLined: PER_ENUMERATOR, gps: { points: PER_ENUMERATOR, clustered: PER_ENUMERATOR } });
    expect(fake.inBursts).toBeGreaterThanOrEqual(6);
    const skewed = fake.tests.filter((t) => t.pHolm < 0.05).map((t) => t.variable);
    expect(skewed).toContain('happiness');
    expect(skewed).toContain('sat_income');
    expect(fake.flags.find((f) => f.rule === 'speeder')?.reason).toMatch(/^30 份中 30 份（100%）用时低于过快阈值（\d+ 秒）$/);
    // The speeder threshold is the cleaning rules' (survey clean's defaults: the plan names no rules).
    expect(report.speederSeconds).toBeGreaterThan(150);
    expect(report.speederSeconds).toBeLessThan(600);
    for (const e of report.enumerators.filter((x) => x.enumerator !== FABRICATOR)) {
      expect(e, e.enumerator).toMatchObject({ speeders: 0, straightLined: 0, inBursts: 0, duplicates: 0 });
      expect(Math.min(...e.tests.map((t) => t.pHolm)), e.enumerator).toBeGreaterThanOrEqual(0.05);
      expect(e.medianDuration ?? 0).toBeGreaterThan(700);
    }
  });

  it('prints a table with the reasons in Chinese, or in English with --lang en', async () => {
    const zh = (await runCli(['quality', plan, '--db', db]));
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('调查员\t问卷数\t用时中位数（秒）');
    expect(zh.stdout).toMatch(new RegExp(`${FABRICATOR}：\\d+ 份问卷集中完成（60 分钟内超过 5 份）`));
    expect(zh.stdout).toContain(`${FABRICATOR}：30 个访问地点中 30 个（100%）与本人另一访问相距不到 15 米`);
    const en = (await runCli(['quality', plan, '--db', db, '--lang', 'en', '--vars', 'happiness']));
    expect(en.stdout).toContain(`${FABRICATOR}: answers distributed unlike the other enumerators' on happiness (chi-square test, Holm-adjusted p < 0.05)`);
    expect(en.stdout).toMatch(/6 distribution tests \(1 variables/);
  });

  it('stops with one clear line on a bad option, and exits 0 when nobody is flagged', async () => {
    const bad = (await runCli(['quality', plan, '--db', db, '--vars', 'income']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--vars income: not a single-choice question of the codebook');
    expect(bad.stderr).not.toContain('    at ');
    expect((await runCli(['quality', plan, '--db', db, '--alpha', '2'])).code).toBe(2);
    expect((await runCli(['quality', '--help'])).stdout).toContain('Examples:');
    // A mistyped --db is one line and leaves no empty database behind; an empty one reports no interviews.
    const missing = join(tempDir('survey-quality-'), 'missing.sqlite');
    for (const command of [['quality', plan], ['export', plan, '--out', `${missing}.csv`], ['verify', plan]]) {
      const r = await runCli([...command, '--db', missing]);
      expect(r.code, command[0]).toBe(3);
      expect(r.stderr.trim().split('\n'), command[0]).toEqual([expect.stringContaining('no collection database here')]);
      expect(existsSync(missing), command[0]).toBe(false);
    }
    const emptyDb = join(tempDir('survey-quality-'), 'empty.sqlite');
    await (await openStore(emptyDb)).close();
    const empty = (await runCli(['quality', plan, '--db', emptyDb, '--json']));
    expect(empty.code, empty.stderr).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ interviews: 0, enumerators: [] });
  });
});
