import { Hono } from 'hono';
import { registerAccountRoutes } from './account-routes.js';
import { registerDashboardRoutes } from './dashboard-routes.js';
import { registerFormRoutes } from './form-routes.js';
import { installRequestGuards } from './request-guards.js';
import { routeContext, type CollectAppOptions, type CollectEnv } from './route-context.js';
import { registerSubmissionRoutes } from './submission-routes.js';
import { page } from './render-pages.js';
import { registerReviewRoutes } from '../review/review-routes.js';
import { registerEntryRoutes } from '../entry/entry-routes.js';

export type { CollectAppOptions } from './route-context.js';

/**
 * The collection server as a Hono app: the request guards (security headers, sessions, CSRF),
 * then each group of routes, a module `(app, ctx) => void` of its own — another part of the
 * server (review, data entry) adds one registration line below.
 */
export function createCollectApp(options: CollectAppOptions): Hono<CollectEnv> {
  const ctx = routeContext(options);
  const app = new Hono<CollectEnv>();
  installRequestGuards(app, ctx);

  registerAccountRoutes(app, ctx);
  registerFormRoutes(app, ctx);
  registerSubmissionRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerEntryRoutes(app, { store: ctx.store, form: ctx.form, lang: ctx.lang, requireRole: ctx.requireRole });
  registerReviewRoutes(app, { store: ctx.store, spec: ctx.spec, form: ctx.form, lang: ctx.lang, text: ctx.text, rules: options.rules, requireRole: ctx.requireRole, show: (c, title, body, status = 200) => ctx.htmlPage(c, page(ctx.lang, ctx.text, title, body, ctx.viewerOf(c)), status) });

  app.notFound((c) => c.text('not found', 404));
  app.onError((err, c) => {
    // Nothing about the failure reaches the client; the submission was not stored (its transaction rolled back).
    console.error(`survey serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.message : String(err)}`);
    return c.text('internal error: not stored', 500);
  });
  return app;
}
