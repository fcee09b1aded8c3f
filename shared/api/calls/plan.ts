import { z } from 'zod';
import { call } from '../define';
import { Empty, IsoDate } from './common';

export const PlanSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  measureCount: z.number().int(),
  departmentCount: z.number().int(),
  importedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const planCalls = {
  'plan.active': call(Empty, PlanSummary.nullable()),
};
