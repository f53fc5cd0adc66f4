import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { setSupervisor, ROLES, UsageError, databaseFor, hashPassword, oneTimePassword, openStore, readCollectionPlan, type Role, type SubmissionStore } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions, type RegisterCommand } from '../base.js';

interface UsersOptions extends CommonOptions {
  db?: string;
  plan?: string;
  role?: string;
  supervisor?: string;
}

/**
 * The database a `users` or `export` command works on: --db, else beside --plan, else $SURVEY_DB,
 * else submissions.sqlite in the current folder if there is one.
 */
export async function collectionDatabase(options: { db?: string; plan?: string }): Promise<{ db: string; formId?: string }> {
  if (options.db) return { db: databaseFor('.', options.db) };
  if (options.plan) return { db: databaseFor(options.plan), formId: (await readCollectionPlan(options.plan)).codebook.id };
  if (process.env.SURVEY_DB) return { db: databaseFor('.', process.env.SURVEY_DB) };
  const here = resolve('submissions.sqlite');
  if (existsSync(here)) return { db: here };
  throw new UsageError('which database? none given and no submissions.sqlite here', {
    hint: 'add --plan PLAN (the SQLite file beside it), --db FILE|postgres://…, or set SURVEY_DB',
  });
}

async function withStore<T>(options: UsersOptions, work: (store: SubmissionStore) => Promise<T>): Promise<T> {
  const { db, formId } = await collectionDatabase(options);
  const store = await openStore(db, { formId });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function roleOf(text: string | undefined): Role {
  if (!text || !(ROLES as readonly string[]).includes(text)) throw new UsageError(`--role ${text ?? ''}: expected one of ${ROLES.join(', ')}`);
  return text as Role;
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 64 || /[\u0000-\u001f\u007f]/.test(trimmed)) throw new UsageError(`"${name}": a user name is 1–64 characters, no control characters`);
  return trimmed;
}

/** The supervisor account `--supervisor NAME` names, or a usage error. */
async function supervisorNamed(store: SubmissionStore, name: string) {
  const found = await store.findUser(name.trim());
  if (!found) throw new UsageError(`--supervisor ${name}: no account of that name`, { hint: 'add it first: survey users add NAME --role supervisor' });
  return found;
}

/** Prints a new one-time password: on stdout (alone, for scripts) or in --json, with the how-to on stderr. */
function announce(ctx: CliContext, options: UsersOptions, name: string, role: Role, password: string, verb: string): void {
  if (options.json) printJson(ctx.io, { name, role, password });
  else ctx.io.stdout.write(`${password}\n`);
  ctx.io.stderr.write(`${verb} ${name} (${role}); the one-time password above is shown only now and must be changed at the first log-in\n`);
}

/** `survey users add|list|reset|disable|enable`: the accounts of the collection server. */
export const registerUsers: RegisterCommand = (program, ctx) => {
  const users = withExamples(program.command('users').description('accounts of the collection server (admin, supervisor, enumerator, viewer)'), [
    'survey users add 张三 --role enumerator --plan data-samples/bazhou-2025/plan.yaml',
    'survey users add admin --role admin --db postgres://survey@localhost/bazhou',
    'survey users add 李四 --role supervisor --plan plan.yaml                 # 督导：审核问卷',
    'survey users add 张三 --role enumerator --supervisor 李四 --plan plan.yaml  # 张三归李四的小组',
    'survey users list --plan plan.yaml',
  ]);
  const common = (cmd: ReturnType<typeof users.command>) =>
    withCommonOptions(
      cmd
        .option('--plan <plan.yaml>', 'use the database beside this plan (submissions.sqlite)')
        .option('--db <file|postgres://…>', 'the database: a SQLite file or a PostgreSQL address'),
    );

  withExamples(common(users
        .command('add <name>')
        .description('create an account and print its one-time password')
        .option('--role <role>', 'admin | supervisor | enumerator | viewer')
        .option('--supervisor <name>', "an enumerator's supervisor (their team); without it every supervisor reviews them")), [
    'survey users add 张三 --role enumerator --plan plan.yaml    # 调查员；打印一次性密码',
    'survey users add Li --role viewer --db submissions.sqlite --json',
  ]).action(async (name: string, options: UsersOptions) => {
    const role = roleOf(options.role);
    const userName = validName(name);
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    if (options.supervisor !== undefined && role !== 'enumerator') throw new UsageError('--supervisor: only an enumerator is in a supervisor\'s team');
    await withStore(options, async (store) => {
      // The supervisor is looked up first: a wrong name adds nobody.
      const supervisor = options.supervisor === undefined ? null : await supervisorNamed(store, options.supervisor);
      if (supervisor && supervisor.role !== 'supervisor') throw new UsageError(`--supervisor ${supervisor.name}: not a supervisor (role ${supervisor.role})`);
      const user = await store.addUser(userName, role, hash);
      if (supervisor) await setSupervisor(store, user, supervisor);
    });
    announce(ctx, options, userName, role, password, 'added');
  });

  withExamples(common(users.command('reset <name>').description('give an account a new one-time password (ends its sessions)')), ['survey users reset 张三 --plan plan.yaml']).action(
    async (name: string, options: UsersOptions) => {
      const password = oneTimePassword();
      const hash = await hashPassword(password);
      const user = await withStore(options, async (store) => {
        const found = await store.findUser(name.trim());
        if (!found) throw new UsageError(`no account named ${name}`);
        await store.setPassword(found.userId, hash, true);
        return found;
      });
      announce(ctx, options, user.name, user.role, password, 'reset');
    },
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    withExamples(common(users.command(`${verb} <name>`).description(`${verb} an account${disabled ? ' (it can no longer log in; its submissions stay)' : ''}`)), [
      `survey users ${verb} 张三 --plan plan.yaml`,
    ]).action(async (name: string, options: UsersOptions) => {
      await withStore(options, async (store) => {
        const found = await store.findUser(name.trim());
        if (!found) throw new UsageError(`no account named ${name}`);
        await store.setDisabled(found.userId, disabled);
      });
      ctx.io.stderr.write(`${verb}d ${name}\n`);
    });
  }

  withExamples(
    common(users.command('team <name>').description("put an enumerator in a supervisor's team (without --supervisor: in none)").option('--supervisor <name>', 'the supervisor')),
    ['survey users team 张三 --supervisor 李四 --plan plan.yaml', 'survey users team 张三 --plan plan.yaml    # 不属于任何小组：所有督导都可审核'],
  ).action(async (name: string, options: UsersOptions) => {
    await withStore(options, async (store) => {
      const found = await store.findUser(name.trim());
      if (!found) throw new UsageError(`no account named ${name}`);
      await setSupervisor(store, found, options.supervisor === undefined ? null : await supervisorNamed(store, options.supervisor));
    });
    ctx.io.stderr.write(options.supervisor === undefined ? `${name} is in no team\n` : `${name} is in ${options.supervisor}'s team\n`);
  });

  withExamples(common(users.command('list').description('list the accounts (never their passwords)')), ['survey users list --plan plan.yaml --json']).action(async (options: UsersOptions) => {
    const list = await withStore(options, (store) => store.listUsers());
    const nameOf = new Map(list.map((u) => [u.userId, u.name]));
    const rows = list.map((u) => ({
      name: u.name,
      role: u.role,
      supervisor: u.supervisorId === null ? null : (nameOf.get(u.supervisorId) ?? null),
      disabled: u.disabled,
      must_change_password: u.mustChangePassword,
      created_at: u.createdAt,
    }));
    if (options.json) printJson(ctx.io, { users: rows });
    else ctx.io.stdout.write(rows.map((u) => `${u.name}\t${u.role}${u.supervisor ? `\t(${u.supervisor})` : ''}${u.disabled ? '\tdisabled' : ''}${u.must_change_password ? '\t(one-time password)' : ''}\n`).join(''));
  });
};
