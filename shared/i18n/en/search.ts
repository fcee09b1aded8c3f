import type zh from '../zh-CN/search';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  title: 'Search',
  placeholder: 'Search measures, tasks, notes and file names',
  label: 'Search text',
  filters: 'Filters',
  status: 'Status',
  overdue: 'Overdue only',
  owner: 'Owner',
  anyOwner: 'Any owner',
  group: 'Group',
  anyGroup: 'Any group',
  clear: 'Clear filters',
  hint: 'Type one or more characters; combine with status, overdue, owner and group filters.',
  count: '{{count}} found',
  truncated: 'Showing the first {{count}} results; narrow the search to see the rest.',
  none: 'Nothing matches.',
  kinds: {
    measure: 'Measure',
    task: 'Task',
    attachment: 'File',
  },
};
export default en;
