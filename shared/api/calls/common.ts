import { z } from 'zod';

/** Calls that take no arguments accept `{}` and nothing else. */
export const Empty = z.object({}).strict();

export const DepartmentName = z.string().trim().min(1).max(100);

/** A real calendar day as YYYY-MM-DD: 2016-02-29 yes, 2015-02-29 and 2016-04-31 no. */
export const IsoDate = z.iso.date();
