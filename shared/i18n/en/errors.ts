import type zh from '../zh-CN/errors';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  request: {
    invalid: 'The request is not valid: {{detail}}',
    unknown_call: 'Unsupported operation: {{name}}',
    forbidden: 'The request came from an untrusted source and was refused.',
  },
  internal: 'An internal error stopped the operation; nothing was changed. Details are in the log.',
  unsupported: 'This environment does not support: {{what}}',
  not_found: 'Could not find {{what}}.',
  department: {
    unknown: 'The active plan has no department named “{{name}}”.',
  },
  db: {
    newer_version: 'The data file was created by a newer version of PlanLedger (schema version {{found}}; this version supports up to {{supported}}). Install the newer version to open it; nothing was changed.',
    open_failed: 'Could not open the data file {{file}}: {{reason}}',
  },
};
export default en;
