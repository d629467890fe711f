/**
 * The admin routes the dashboard's screens need beyond the moderation queue and the settings
 * (SPEC §7): members, a review's history, reports and insights. Who may call which is decided once, in
 * `http/access.ts`; these handlers only do the work.
 */
import { Hono } from 'hono';
import { memberInputSchema, memberPatchSchema, REPORT_OUTCOMES } from '../../src/contract/dashboard.js';
import type { ReportOutcome } from '../../src/contract/dashboard.js';
import type { FieldErrors } from '../../src/client/validate.js';
import type { AppContext } from '../context.js';
import { findBusiness } from '../db/businesses.js';
import { changeRole, createSignInLink, listMembers, removeMember, upsertMember } from '../db/members.js';
import { listReports, readInsights, reviewHistory } from '../db/team.js';
import { actorOf } from '../http/access.js';
import { ApiError, invalid, notFound } from '../http/errors.js';
import { pathId } from '../http/params.js';
import { readBody } from '../http/json.js';
import { dashboardBase, signInUrl } from './auth.js';
import type { AuthOptions } from './auth.js';

const NO_STORE = { 'cache-control': 'no-store' };

export function teamRoutes(ctx: AppContext, options: AuthOptions): Hono {
  const app = new Hono();
  const { db } = ctx;

  const requireBusiness = async (id: string) => {
    if (!(await findBusiness(db, id))) throw notFound(`No business "${id}"`);
  };

  app.get('/v1/admin/businesses/:business/members', async (c) => {
    const business = pathId(c, 'business', 'business');
    await requireBusiness(business);
    return c.json({ items: await listMembers(db, business) }, 200, NO_STORE);
  });

  app.post('/v1/admin/businesses/:business/members', async (c) => {
    const business = pathId(c, 'business', 'business');
    await requireBusiness(business);
    const input = await readBody(c, memberInputSchema);
    const { member, created } = await upsertMember(db, business, input, ctx.now());
    // A new member gets a sign-in link straight away; without a mailer the operator hands it over.
    const base = dashboardBase(c, options.publicUrl);
    let link: string | undefined;
    if (created && base) {
      const { token, expiresAt } = await createSignInLink(db, member.email, ctx.now());
      link = signInUrl(base, token);
      if (options.sendSignInLink) await options.sendSignInLink({ to: member.email, url: link, expiresAt });
    }
    const handOver = !options.sendSignInLink && actorOf(c).kind === 'operator' && link ? { signInUrl: link } : {};
    return c.json({ ...member, ...handOver }, created ? 201 : 200, NO_STORE);
  });

  const memberChange = (result: Awaited<ReturnType<typeof removeMember>>) => {
    if (result.ok) return result.member;
    if (result.why === 'not_found') throw notFound('No such member');
    throw new ApiError(409, 'conflict', 'A business keeps at least one owner');
  };

  app.patch('/v1/admin/businesses/:business/members/:id', async (c) => {
    const { role } = await readBody(c, memberPatchSchema);
    const member = memberChange(await changeRole(db, pathId(c, 'business', 'business'), c.req.param('id'), role));
    return c.json(member, 200, NO_STORE);
  });

  app.delete('/v1/admin/businesses/:business/members/:id', async (c) => {
    memberChange(await removeMember(db, pathId(c, 'business', 'business'), c.req.param('id')));
    return c.body(null, 204, NO_STORE);
  });

  app.get('/v1/admin/reviews/:id/history', async (c) => {
    const items = await reviewHistory(db, c.req.param('id'));
    if (!items) throw notFound(`No review "${c.req.param('id')}"`);
    return c.json({ items }, 200, NO_STORE);
  });

  app.get('/v1/admin/businesses/:business/reports', async (c) => {
    const business = pathId(c, 'business', 'business');
    const url = new URL(c.req.url);
    const outcome = url.searchParams.get('outcome') ?? undefined;
    const cursor = url.searchParams.get('cursor') ?? undefined;
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const fields: FieldErrors = {};
    if (outcome !== undefined && !REPORT_OUTCOMES.includes(outcome as ReportOutcome)) fields.outcome = 'invalid';
    if (cursor !== undefined && !/^\d{1,18}$/.test(cursor)) fields.cursor = 'invalid';
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) fields.limit = 'invalid';
    if (Object.keys(fields).length > 0) throw invalid('Invalid report query', fields);
    await requireBusiness(business);
    const page = await listReports(db, business, {
      outcome: outcome as ReportOutcome | undefined,
      cursor: cursor === undefined ? undefined : Number(cursor),
      limit,
    });
    return c.json(page, 200, NO_STORE);
  });

  app.get('/v1/admin/businesses/:business/insights', async (c) => {
    const business = pathId(c, 'business', 'business');
    await requireBusiness(business);
    return c.json(await readInsights(db, business, ctx.now()), 200, NO_STORE);
  });

  return app;
}
