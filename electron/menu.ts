import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../shared/i18n/index';
import { translate } from '../shared/i18n/index';

/** A monitor as the menu lists it (Electron's Display, reduced to what the label needs). */
export interface MenuDisplay {
  id: number;
  label: string;
  size: { width: number; height: number };
}

export interface MenuChoices {
  displays: MenuDisplay[];
  primaryId: number;
  /** The display the stage window goes to; undefined when none is chosen yet. */
  chosenId: number | undefined;
  platform: NodeJS.Platform;
  language: Language;
  /** Reload and developer tools: the development build only, never in a packaged app. */
  developerTools: boolean;
  openStage: () => void;
  chooseStageDisplay: (id: number) => void;
}

/** The UI language from the system's locale: Korean for any ko-* locale, English otherwise. */
export function menuLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function displayLabel(display: MenuDisplay, index: number, primaryId: number, language: Language): string {
  const name = display.label || translate(language, 'menu.display', { n: index + 1 });
  const primary = display.id === primaryId ? ` — ${translate(language, 'menu.primary')}` : '';
  return `${name} (${display.size.width}×${display.size.height})${primary}`;
}

const developerItems: MenuItemConstructorOptions[] = [
  { type: 'separator' },
  { role: 'reload' },
  { role: 'forceReload' },
  { role: 'toggleDevTools' },
];

/**
 * The application menu. Items with a role (File, Edit, Zoom…) are worded by Electron in
 * the system's language; the stage items are ours, in English or Korean.
 */
export function menuTemplate(c: MenuChoices): MenuItemConstructorOptions[] {
  const t = (key: 'menu.stageDisplay' | 'menu.stageDisplayOn') => translate(c.language, key);
  const displayItems: MenuItemConstructorOptions[] = c.displays.map((display, index) => ({
    label: displayLabel(display, index, c.primaryId, c.language),
    type: 'radio',
    checked: display.id === c.chosenId,
    click: () => c.chooseStageDisplay(display.id),
  }));
  return [
    ...(c.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      role: 'viewMenu',
      submenu: [
        { label: t('menu.stageDisplay'), accelerator: 'CmdOrCtrl+Shift+D', click: c.openStage },
        { label: t('menu.stageDisplayOn'), submenu: displayItems },
        ...(c.developerTools ? developerItems : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
