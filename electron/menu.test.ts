import { describe, it, expect, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuLanguage, menuTemplate, type MenuChoices } from './menu';

const displays = [
  { id: 1, label: 'Built-in Retina Display', size: { width: 1512, height: 982 } },
  { id: 2, label: '', size: { width: 1920, height: 1080 } },
];

function choices(language: MenuChoices['language']): MenuChoices {
  return { displays, primaryId: 1, chosenId: 2, platform: 'linux', language, developerTools: false, openStage: vi.fn(), chooseStageDisplay: vi.fn() };
}

/** The View menu's own items: the stage display entry and its monitor list. */
function stageItems(template: MenuItemConstructorOptions[]) {
  const view = template.find((item) => item.role === 'viewMenu')!.submenu as MenuItemConstructorOptions[];
  return { open: view[0]!, on: view[1]!, monitors: view[1]!.submenu as MenuItemConstructorOptions[] };
}

describe('the application menu', () => {
  it('names the stage items in English, marking the primary monitor and the chosen one', () => {
    const c = choices('en');
    const { open, on, monitors } = stageItems(menuTemplate(c));
    expect([open.label, open.accelerator, on.label]).toEqual(['Stage display', 'CmdOrCtrl+Shift+D', 'Stage display on']);
    expect(monitors.map((m) => [m.label, m.checked])).toEqual([
      ['Built-in Retina Display (1512×982) — primary', false],
      ['Display 2 (1920×1080)', true],
    ]);
    monitors[0]!.click!({} as never, undefined, {} as never);
    expect(c.chooseStageDisplay).toHaveBeenCalledWith(1);
  });

  it('names them in Korean on a Korean system; Electron words the rest itself', () => {
    const { open, on, monitors } = stageItems(menuTemplate(choices('ko')));
    expect([open.label, on.label]).toEqual(['무대 화면', '무대 화면을 띄울 모니터']);
    expect(monitors.map((m) => m.label)).toEqual(['Built-in Retina Display (1512×982) — 기본', '모니터 2 (1920×1080)']);
    expect(menuLanguage('ko-KR')).toBe('ko');
    expect(menuLanguage('ko')).toBe('ko');
    expect(menuLanguage('en-US')).toBe('en');
    expect(menuLanguage('ja')).toBe('en');
  });

  it.each(['en', 'ko'] as const)('offers no reload or developer tools in the production menu (%s)', (language) => {
    const view = menuTemplate(choices(language)).find((item) => item.role === 'viewMenu')!.submenu as MenuItemConstructorOptions[];
    expect(view.map((item) => item.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(view.map((item) => item.label).filter(Boolean)).toEqual(language === 'en' ? ['Stage display', 'Stage display on'] : ['무대 화면', '무대 화면을 띄울 모니터']);
  });

  it('keeps reload and developer tools for the development build', () => {
    const view = menuTemplate({ ...choices('en'), developerTools: true }).find((item) => item.role === 'viewMenu')!.submenu as MenuItemConstructorOptions[];
    expect(view.map((item) => item.role)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('has the app menu on macOS only', () => {
    expect(menuTemplate({ ...choices('en'), platform: 'darwin' })[0]!.role).toBe('appMenu');
    expect(menuTemplate(choices('en'))[0]!.role).toBe('fileMenu');
  });
});
