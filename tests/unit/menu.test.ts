import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { ViewName } from '../../src-main/api/events';
import { buildMenuTemplate, VIEW_SHORTCUTS } from '../../src-main/electron/menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

const viewMenu = (template: MenuItemConstructorOptions[]) =>
  template.find((item) => item.label === 'View')!.submenu as MenuItemConstructorOptions[];

describe('buildMenuTemplate', () => {
  it('binds Ctrl/Cmd+1…7 to the seven views and asks for navigation on click', () => {
    const navigate = vi.fn<(view: ViewName) => void>();
    const view = viewMenu(buildMenuTemplate({ isDev: false, isMac: false, navigate }));
    const shortcuts = view.filter((item) => item.accelerator?.startsWith('CmdOrCtrl+'));
    expect(shortcuts.map((item) => item.accelerator)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `CmdOrCtrl+${n}`),
    );
    for (const item of shortcuts) item.click?.({} as never, undefined, {} as never);
    expect(navigate.mock.calls.map(([name]) => name)).toEqual(VIEW_SHORTCUTS.map((entry) => entry.view));
  });

  it('offers reload and developer tools only when running from source', () => {
    const shipped = roles(buildMenuTemplate({ isDev: false, isMac: false, navigate: () => {} }));
    expect(shipped).not.toContain('reload');
    expect(shipped).not.toContain('toggleDevTools');
    expect(shipped).toEqual(expect.arrayContaining(['quit', 'togglefullscreen', 'about', 'editMenu']));
    const dev = roles(buildMenuTemplate({ isDev: true, isMac: false, navigate: () => {} }));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('adds the application menu on macOS only', () => {
    expect(buildMenuTemplate({ isDev: false, isMac: true, navigate: () => {} })[0]?.role).toBe('appMenu');
    expect(roles(buildMenuTemplate({ isDev: false, isMac: false, navigate: () => {} }))).not.toContain(
      'appMenu',
    );
  });
});
