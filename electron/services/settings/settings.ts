import type { z } from 'zod';
import { DepartmentName } from '../../../shared/api/calls/common';
import { defaultLanguage, Language, Settings, type SettingsPatch } from '../../../shared/api/calls/settings';
import { AppError } from '../../../shared/api/errors';
import { departmentExists } from '../../db/repos/departments';
import { readAllSettings, writeSetting } from '../../db/repos/settings';
import type { Db } from '../../db/database';
import type { ServiceContext } from '../context';

const maxRecentDepartments = 10;

export function readSettings(db: Db): Settings {
  return settingsFrom(readAllSettings(db));
}

/** Settings from the stored values (see readAllSettings). */
export function settingsFrom(stored: ReadonlyMap<string, unknown>): Settings {
  // A stored value that no longer validates falls back to its default instead of failing start-up.
  const pick = <T>(key: string, schema: z.ZodType<T>, fallback: T): T => {
    const parsed = schema.safeParse(stored.get(key));
    return parsed.success ? parsed.data : fallback;
  };
  return {
    language: pick('language', Language, defaultLanguage),
    department: pick('department', DepartmentName.nullable(), null),
    recentDepartments: pick('recentDepartments', Settings.shape.recentDepartments, []),
    operator: pick('operator', Settings.shape.operator, ''),
    office: pick('office', Settings.shape.office, false),
    unitNames: pick('unitNames', Settings.shape.unitNames, {}),
  };
}

/** The department's full official name (单位全称) when the coordinator set one. */
export function unitNameSetting(db: Db, department: string): string | undefined {
  return readSettings(db).unitNames[department];
}

export function updateSettings(ctx: ServiceContext, patch: SettingsPatch): Settings {
  const settings = ctx.db.transaction(() => {
    const current = readSettings(ctx.db);
    if (patch.language !== undefined) writeSetting(ctx.db, 'language', patch.language);
    if (patch.operator !== undefined) writeSetting(ctx.db, 'operator', patch.operator);
    if (patch.office !== undefined) writeSetting(ctx.db, 'office', patch.office);
    if (patch.unitName !== undefined) {
      const { department, fullName } = patch.unitName;
      if (!departmentExists(ctx.db, department)) throw new AppError('department.unknown', { name: department });
      const names = { ...current.unitNames };
      if (fullName === '') delete names[department];
      else names[department] = fullName;
      writeSetting(ctx.db, 'unitNames', names);
    }
    if (patch.department !== undefined) {
      if (patch.department !== null && !departmentExists(ctx.db, patch.department)) {
        throw new AppError('department.unknown', { name: patch.department });
      }
      writeSetting(ctx.db, 'department', patch.department);
      if (patch.department !== null) {
        const recent = [patch.department, ...current.recentDepartments.filter((d) => d !== patch.department)];
        writeSetting(ctx.db, 'recentDepartments', recent.slice(0, maxRecentDepartments));
      }
    }
    return readSettings(ctx.db);
  })();
  ctx.events.settingsChanged(settings);
  return settings;
}
