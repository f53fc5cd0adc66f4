import { rolesOf } from './page-roles.js';
import { page } from './render-pages.js';
import { dashboardHtml } from './render-tables.js';
import type { CollectHono, RouteContext } from './route-context.js';

/** The progress dashboard for admin and viewer: 回收 (and 有效, after cleaning) by quota stratum, enumerator and day. */
export function registerDashboardRoutes(app: CollectHono, ctx: RouteContext): void {
  app.get('/dashboard', ctx.requireRole(...rolesOf('dashboard')), async (c) => {
    const all = await ctx.store.listSubmissions({ status: 'active' });
    const valid = ctx.options.validSubmissions ? await ctx.options.validSubmissions(all) : null;
    return ctx.htmlPage(c, page(ctx.lang, ctx.text, ctx.text.dashboard, dashboardHtml(all, valid, ctx.spec, ctx.options.quotas ?? {}, ctx.lang, ctx.text), ctx.viewerOf(c)));
  });
}
