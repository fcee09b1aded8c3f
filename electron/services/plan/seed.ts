import seedText from '../../../seeds/shandong-2016-quality-action-plan.txt?raw';
import { listPlanSummaries } from '../../db/repos/plans';
import type { ServiceContext } from '../context';
import { aliasTable, parseSource, storePlan } from './import';

const seedFileName = 'shandong-2016-quality-action-plan.txt';

/** First run: the embedded 2016 Shandong plan is loaded so the user can start at once. */
export async function ensureSeedPlan(ctx: ServiceContext): Promise<void> {
  if (listPlanSummaries(ctx.db).length > 0) return;
  const parsed = await parseSource(aliasTable(ctx.db), Buffer.from(seedText, 'utf8'), seedFileName);
  storePlan(ctx, { ...parsed, reader: 'seed' });
  ctx.log.info('embedded plan loaded', { plan: parsed.plan.title });
}
