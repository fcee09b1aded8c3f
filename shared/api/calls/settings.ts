import { z } from 'zod';
import { call } from '../define';
import { DepartmentName, Empty } from './common';

export const languages = ['zh-CN', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;
export const defaultLanguage: Language = 'zh-CN';

/** A unit's full official name; at most 100 characters. */
export const UnitName = z.string().trim().min(1).max(100);

export const Settings = z.object({
  language: Language,
  /** The department the coordinator is working as, or null before the first pick. */
  department: DepartmentName.nullable(),
  /** Departments this coordinator covers, for one-click switching (most recent first). */
  recentDepartments: z.array(DepartmentName).max(10),
  /** The coordinator's name as recorded in the history (经办人); empty means the system user name. */
  operator: z.string().max(50),
  /** This install also acts as the receiving office for the plan (收件, 汇总 and receipts are shown). */
  office: z.boolean(),
  /**
   * Each department's full official name (单位全称, 山东省质量技术监督局) beside the plan's short
   * name (质监): reports and the ledger are signed off with it; the manifest keeps the plan's name.
   */
  unitNames: z.record(DepartmentName, UnitName),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z
  .object({
    language: Language,
    department: DepartmentName.nullable(),
    operator: z.string().trim().max(50),
    office: z.boolean(),
    /** Sets one department's 单位全称; an empty fullName clears it (the plan's short name is used). */
    unitName: z.object({ department: DepartmentName, fullName: z.string().trim().max(100) }).strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const settingsCalls = {
  'settings.get': call(Empty, Settings),
  'settings.update': call(SettingsPatch, Settings),
};
