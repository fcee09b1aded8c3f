import { describe, expect, it } from 'vitest';
import { PlanParseError, parsePlanJson, parsePlanText, serializePlan, type Plan } from '../../../shared/plan';
import { fixtureText, seedText } from './helpers';

const seedPlan = parsePlanText(seedText()).plan;

/** The PlanParseError that run throws. */
function caught(run: () => unknown): PlanParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return error as PlanParseError;
  }
  throw new Error('expected a PlanParseError');
}

describe('Plan JSON', () => {
  it('round-trips every parsed plan', () => {
    for (const text of [
      seedText(),
      fixtureText('labelled-clauses.txt'),
      fixtureText('groups-fullwidth.txt'),
      fixtureText('standalone-plan.txt'),
    ]) {
      const plan = parsePlanText(text).plan;
      expect(parsePlanJson(serializePlan(plan))).toEqual(plan);
    }
  });

  it('writes readable JSON with the format and version first', () => {
    const json = serializePlan(seedPlan);
    expect(json.startsWith('{\n  "format": "planledger-plan",\n  "version": 1,')).toBe(true);
    expect(json).toContain('"docNumber": "鲁政办字〔2016〕103号"');
  });

  it('accepts a byte order mark', () => {
    expect(parsePlanJson(`\uFEFF${serializePlan(seedPlan)}`)).toEqual(seedPlan);
  });

  it('refuses text that is not JSON', () => {
    expect(caught(() => parsePlanJson('{"format":')).code).toBe('plan.json_invalid');
    expect(caught(() => parsePlanJson('')).code).toBe('plan.json_invalid');
  });

  it('refuses other JSON files', () => {
    expect(caught(() => parsePlanJson('[1,2]')).code).toBe('plan.json_format');
    expect(caught(() => parsePlanJson('null')).code).toBe('plan.json_format');
    const other = caught(() => parsePlanJson(JSON.stringify({ ...seedPlan, format: 'other' })));
    expect([other.code, other.params]).toEqual(['plan.json_format', { format: 'other' }]);
  });

  it('refuses versions it does not read', () => {
    const newer = caught(() => parsePlanJson(JSON.stringify({ ...seedPlan, version: 2 })));
    expect([newer.code, newer.params]).toEqual(['plan.json_version', { version: '2', supported: 1 }]);
    expect(caught(() => parsePlanJson(JSON.stringify({ ...seedPlan, version: '1' }))).code).toBe('plan.json_version');
  });

  it('refuses a plan that breaks the schema, saying where', () => {
    const detail = (plan: unknown) => {
      const error = caught(() => parsePlanJson(JSON.stringify(plan)));
      expect(error.code).toBe('plan.json_invalid');
      return String(error.params.detail);
    };
    const badDate = seedPlan.measures.map((m, i) => (i === 2 ? { ...m, due: '2017-02-30' } : m));
    expect(detail({ ...seedPlan, measures: badDate })).toMatch(/^measures\.2\.due: /u);
    const badRole = seedPlan.measures.map((m, i) => (i === 0 ? { ...m, departments: [{ name: '财政', role: 'boss' }] } : m));
    expect(detail({ ...seedPlan, measures: badRole })).toMatch(/^measures\.0\.departments\.0\.role: /u);
    const { title: _title, ...noTitle } = seedPlan;
    expect(detail(noTitle)).toMatch(/^title: /u);
  });

  it('refuses duplicate measure codes', () => {
    const measures = [...seedPlan.measures, seedPlan.measures[0]] as Plan['measures'];
    const error = caught(() => parsePlanJson(JSON.stringify({ ...seedPlan, measures })));
    expect([error.code, error.params]).toEqual(['plan.json_invalid', { detail: 'measures.17.code: duplicate measure code 2.1.1' }]);
  });

  it('drops unknown fields on import', () => {
    expect(parsePlanJson(JSON.stringify({ ...seedPlan, extra: 1 }))).toEqual(seedPlan);
  });
});
