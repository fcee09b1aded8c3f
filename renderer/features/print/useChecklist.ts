import { useCall } from '../../api/queries';

/** The checklist of a department (or one of its measures); nothing is asked until a department is chosen. */
export function useChecklist(department: string | null, measure: string | null) {
  return useCall('print.checklist', { department: department ?? '', measure }, { enabled: department !== null });
}
