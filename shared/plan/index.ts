/** The plan-text parser: pure, shared by the main process, the renderer and the CLI. */
export { parsePlanText, type ParsePlanOptions, type ParsePlanResult } from './parse';
export { FURNITURE_KINDS, LAYOUTS, reflow, isPageNumber, type Furniture, type FurnitureKind, type Layout, type SourceLine } from './layout';
export { parsePlanJson, serializePlan } from './json';
export { PLAN_ERROR_CODES, PlanParseError, type PlanErrorCode } from './errors';
export {
  PLAN_FORMAT,
  PLAN_VERSION,
  PLAN_WARNING_CODES,
  planSchema,
  planWarningSchema,
  planWarningMessageKey,
  recurrenceSchema,
  type DepartmentRole,
  type MeasureDepartment,
  type Plan,
  type PlanChapter,
  type PlanDeadline,
  type PlanDepartment,
  type PlanGroup,
  type PlanMeasure,
  type PlanRecurrence,
  type PlanRequirement,
  type PlanWarning,
  type PlanWarningCode,
} from './schema';
export { DEFAULT_DEPARTMENT_ALIASES } from './departments';
export { planFileName } from './file-name';
export { groupByHeading, type HeadingRun } from './headings';
