import { UsageError, collectAssets, databaseFor, formSpec, openStore, readCollectionPlan, startServer, validSubmissionsCache, planRules } from '../../index.js';
import { withCommonOptions, withExamples, type CliContext, type CommonOptions, type RegisterCommand } from '../base.js';

interface ServeOptions extends CommonOptions {
  db?: string;
  port: string;
  host: string;
  secureCookies?: boolean;
}

/** The port as a number, or a usage error. */
export function portOf(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${text}: expected a port number 0–65535`);
  return port;
}

async function serveAction(planFile: string, options: ServeOptions, { io }: CliContext): Promise<void> {
  const lang = options.lang;
  const plan = await readCollectionPlan(planFile);
  const db = databaseFor(planFile, options.db);
  const rules = await planRules(plan);
  const store = await openStore(db, { formId: plan.codebook.id });
  const assets = collectAssets();
  let server;
  try {
    server = await startServer({ store, spec: formSpec(plan.codebook), lang, quotas: plan.quotas, assets, host: options.host, port: portOf(options.port), secureCookies: options.secureCookies, rules, validSubmissions: validSubmissionsCache(plan.codebook, rules) });
  } catch (err) {
    await store.close();
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${options.port} is in use`, { hint: 'choose another with --port N' });
    if (code === 'EADDRNOTAVAIL') throw new UsageError(`--host ${options.host}: not an address of this machine`);
    throw err;
  }
  const users = await store.listUsers();
  io.stderr.write(`survey serve: ${server.url} — ${plan.codebook.title ?? plan.codebook.id}, ${plan.codebook.variables.length} variables; database ${store.driver.location}\n`);
  if (!users.some((u) => u.role === 'admin' && !u.disabled)) io.stderr.write(`no admin account yet: survey users add NAME --role admin --db ${store.driver.location}\n`);
  if (options.host === '127.0.0.1' || options.host === 'localhost') io.stderr.write('only this machine can reach it; --host 0.0.0.0 to let phones on the network in (behind HTTPS: --secure-cookies)\n');
  io.stderr.write('Ctrl-C to stop\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => store.close()).then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `survey serve PLAN`: the questionnaire as a web form for enumerators, into the collection database. */
export const registerServe: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('serve')
    .description('serve the codebook as a web questionnaire for enumerators (phones); submissions go to SQLite beside the plan or to PostgreSQL')
    .argument('<plan>', 'the plan (its codebook:, quotas:) or a codebook YAML')
    .option('--db <file|postgres://…>', `the database: a SQLite file, or a PostgreSQL address (default: submissions.sqlite beside the plan)`)
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on: 127.0.0.1 (this machine only) unless you say otherwise', '127.0.0.1')
    .option('--secure-cookies', 'mark the session cookie Secure (when served behind HTTPS)');
  withCommonOptions(cmd, { json: false });
  withExamples(cmd, [
    'survey serve data-samples/bazhou-2025/plan.yaml                  # http://127.0.0.1:8080, 中文表单',
    'survey serve plan.yaml --lang en --port 8081                       # the form in English',
    'survey serve plan.yaml --host 0.0.0.0 --db postgres://survey@db.example/bazhou   # 多名调查员连接中心服务器',
  ]);
  cmd.action((plan: string, options: ServeOptions) => serveAction(plan, options, ctx));
};
