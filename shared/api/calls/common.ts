import { z } from 'zod';

/** Calls that take no arguments accept `{}` and nothing else. */
export const Empty = z.object({}).strict();

export const DepartmentName = z.string().trim().min(1).max(100);

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'YYYY-MM-DD');
