import { openBackend } from '../../backend/backend';
import { appInfo } from '../../services/app/app-info';
import type { Command } from '../command';

export const infoCommand: Command = {
  name: 'info',
  synopsis: 'info',
  summaryKey: 'cli.info.summary',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ dataDir, io }) {
    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      io.stdout(`${JSON.stringify(appInfo(backend.ctx), null, 2)}\n`);
      return 0;
    } finally {
      await backend.close();
    }
  },
};
