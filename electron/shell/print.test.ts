import { describe, it, expect, vi } from 'vitest';
import type { BaseWindow } from 'electron';
import { printToPdf, safePdfName, type PrintDeps } from './print';

const PDF = new Uint8Array([37, 80, 68, 70]);

function setup(choice: { canceled: boolean; filePath?: string }, win: BaseWindow | null = {} as BaseWindow) {
  const writeFile = vi.fn();
  const showSaveDialog = vi.fn(async () => ({ canceled: choice.canceled, filePath: choice.filePath ?? '' }));
  const deps: PrintDeps = { dialog: { showSaveDialog } as never, windowOf: () => win, writeFile };
  const sender = { printToPDF: vi.fn(async () => PDF) };
  return { deps, sender, writeFile, showSaveDialog };
}

describe('printing to PDF', () => {
  it('writes the PDF only where the user chose in the save dialog', async () => {
    const { deps, sender, writeFile, showSaveDialog } = setup({ canceled: false, filePath: '/home/sm/Reports/takes.pdf' });
    await expect(printToPdf(sender as never, 'takes 2026.pdf', deps)).resolves.toEqual({ saved: true, path: '/home/sm/Reports/takes.pdf' });
    expect(showSaveDialog.mock.calls[0]).toMatchObject([{}, { defaultPath: 'takes 2026.pdf' }]);
    expect(writeFile.mock.calls).toEqual([['/home/sm/Reports/takes.pdf', PDF]]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { deps, sender, writeFile } = setup({ canceled: true, filePath: '/home/sm/ignored.pdf' });
    await expect(printToPdf(sender as never, 'takes.pdf', deps)).resolves.toEqual({ saved: false, path: null });
    expect(writeFile).not.toHaveBeenCalled();
    expect(sender.printToPDF).not.toHaveBeenCalled();
  });

  it('writes nothing for a page without a window', async () => {
    const { deps, sender, writeFile, showSaveDialog } = setup({ canceled: false, filePath: '/tmp/x.pdf' }, null);
    await expect(printToPdf(sender as never, 'takes.pdf', deps)).resolves.toEqual({ saved: false, path: null });
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('never lets the page suggest a path, only a plain PDF name', () => {
    expect(safePdfName('../../.bashrc.pdf')).toBe('cuelight.pdf');
    expect(safePdfName('/etc/passwd.pdf')).toBe('cuelight.pdf');
    expect(safePdfName('report.exe')).toBe('cuelight.pdf');
    expect(safePdfName(42)).toBe('cuelight.pdf');
    expect(safePdfName('Take log (day 2).pdf')).toBe('Take log (day 2).pdf');
  });
});
