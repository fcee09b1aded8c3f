import { z } from 'zod';
import { call } from '../define';
import { Empty } from './common';

export const runtimes = ['electron', 'web', 'cli'] as const;
export type Runtime = (typeof runtimes)[number];

export const AppInfo = z.object({
  productName: z.string(),
  version: z.string(),
  runtime: z.enum(runtimes),
  electronVersion: z.string().nullable(),
  nodeVersion: z.string(),
  sqliteVersion: z.string(),
  schemaVersion: z.number().int(),
  platform: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appCalls = {
  'app.info': call(Empty, AppInfo),
};
