/** Plan JSON files: export (serialise) and import (parse and validate). */
import { causeText } from '../api/error-text';
import { PlanParseError } from './errors';
import { PLAN_FORMAT, PLAN_VERSION, planSchema, type Plan } from './schema';

/** The plan as a Plan JSON file's text (pretty-printed, UTF-8 friendly). */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a Plan JSON file. Throws PlanParseError: 'plan.json_invalid' (not JSON, or not a valid
 * plan; params.detail says where), 'plan.json_format' (some other JSON file),
 * 'plan.json_version' (a version this build does not read).
 */
export function parsePlanJson(text: string): Plan {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new PlanParseError('plan.json_invalid', { detail: causeText(error) });
  }
  if (!isRecord(data) || data.format !== PLAN_FORMAT) {
    throw new PlanParseError('plan.json_format', { format: isRecord(data) ? String(data.format ?? '') : '' });
  }
  if (data.version !== PLAN_VERSION) {
    throw new PlanParseError('plan.json_version', { version: String(data.version ?? ''), supported: PLAN_VERSION });
  }
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.map(String).join('.') : '';
    throw new PlanParseError('plan.json_invalid', { detail: path === '' ? (issue?.message ?? '') : `${path}: ${issue?.message ?? ''}` });
  }
  return parsed.data;
}
