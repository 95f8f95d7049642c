import type { MenuItemConstructorOptions } from 'electron';
import type { ViewName } from '../api/events';

// The application menu. Only `import type` from electron: the template is plain data, so it is
// checked under Node; main.ts hands it to Menu.buildFromTemplate.

export const VIEW_SHORTCUTS: readonly { view: ViewName; label: string; accelerator: string }[] = [
  { view: 'map', label: 'Map', accelerator: 'CmdOrCtrl+1' },
  { view: 'docks', label: 'Dock timeline', accelerator: 'CmdOrCtrl+2' },
  { view: 'lines', label: 'Lines', accelerator: 'CmdOrCtrl+3' },
  { view: 'deliveries', label: 'Deliveries', accelerator: 'CmdOrCtrl+4' },
  { view: 'partners', label: 'Partners', accelerator: 'CmdOrCtrl+5' },
  { view: 'reports', label: 'Reports', accelerator: 'CmdOrCtrl+6' },
  { view: 'wall', label: 'Wall', accelerator: 'CmdOrCtrl+7' },
];

export interface MenuOptions {
  /** Reload and developer tools exist only when running from source. */
  isDev: boolean;
  isMac: boolean;
  navigate(view: ViewName): void;
}

export function buildMenuTemplate({ isDev, isMac, navigate }: MenuOptions): MenuItemConstructorOptions[] {
  const viewItems: MenuItemConstructorOptions[] = VIEW_SHORTCUTS.map(({ view, label, accelerator }) => ({
    id: `view.${view}`,
    label,
    accelerator,
    click: () => navigate(view),
  }));
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : [];
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    // Without an Edit menu, copy and paste in the search fields do not work on macOS.
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...viewItems,
        { type: 'separator' },
        { role: 'togglefullscreen', accelerator: 'F11' },
        ...devItems,
      ],
    },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
