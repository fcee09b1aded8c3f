import type zh from '../zh-CN/common';
import type { Messages } from '../types';

const en: Messages<typeof zh> = {
  app: {
    name: 'PlanLedger',
    version: 'Version {{version}}',
    tagline: 'Action plan task ledger',
  },
  nav: {
    label: 'Main navigation',
    dashboard: 'Dashboard',
    plans: 'Plans',
    search: 'Search',
    print: 'Print',
    reports: 'Reports',
    ledger: 'Ledger',
    verify: 'Verify',
    settings: 'Settings',
  },
  header: {
    plan: 'Active plan',
    department: 'Department',
    noPlan: 'No plan loaded',
    noDepartment: 'No department chosen',
  },
  dashboard: {
    emptyPlanTitle: 'No action plan yet',
    emptyPlanBody:
      'PlanLedger needs an action plan (the circular issued by the provincial government) before it can list the measures your department carries.',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    open: 'Show shortcuts',
    close: 'Close',
    global: 'Anywhere',
    tasks: 'Task list',
    items: {
      help: 'Show this help',
      search: 'Search',
      dashboard: 'Dashboard',
      plans: 'Plans',
      settingsPage: 'Settings',
      newTask: 'Add a task on a measure page',
      save: 'Save the current entry',
      cancel: 'Discard the current entry / close a menu',
      move: 'Move the task up / down',
      remove: 'Delete the selected task',
      undo: 'Undo a delete',
      next: 'Move between controls',
      pastePlan: 'Paste a plan’s full text on the Plans screen',
      previewPlan: 'Preview the pasted plan',
    },
  },
  listSeparator: ', ',
  status: {
    loading: 'Loading…',
  },
  actions: {
    retry: 'Retry',
    close: 'Close',
    cancel: 'Cancel',
  },
  failure: {
    title: 'Something went wrong',
    screenTitle: 'This page cannot be shown',
    screenBody: 'The page hit an unexpected error; your saved data is not affected. Go back to the dashboard, or use View → Reload.',
    toDashboard: 'Back to dashboard',
  },
};
export default en;
