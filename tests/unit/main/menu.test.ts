import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../../electron/lib/i18n';
import { menuTemplate } from '../../../electron/main/menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.label ? [item.label] : []), ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])]);
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = Array.isArray(item.submenu) ? find(item.submenu, label) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

const actions = { command: vi.fn(), openDataDir: vi.fn(), about: vi.fn() };

describe('native menu', () => {
  it('is in Chinese by default with the usual entries', () => {
    const template = menuTemplate(createTranslator('zh-CN'), actions, { isMac: false, devTools: false });
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(labels(template)).toEqual(expect.arrayContaining(['撤销', '重做', '剪切', '复制', '粘贴', '全选', '退出', '关于工作台账']));
    expect(labels(template)).not.toContain('开发者工具');
  });

  it('is complete in English', () => {
    const template = menuTemplate(createTranslator('en'), actions, { isMac: true, devTools: true });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(template.slice(1).map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(template)).toEqual(expect.arrayContaining(['Undo', 'Copy', 'Paste', 'Quit', 'Developer Tools', 'About PlanLedger']));
    expect(labels(template).some((label) => /\p{Script=Han}/u.test(label))).toBe(false);
  });

  it('sends navigation commands to the renderer', () => {
    const template = menuTemplate(createTranslator('zh-CN'), actions, { isMac: false, devTools: false });
    const settings = find(template, '设置…');
    expect(settings?.accelerator).toBe('CmdOrCtrl+,');
    (settings?.click as () => void)();
    expect(actions.command).toHaveBeenCalledWith('navigate:settings');
  });
});
