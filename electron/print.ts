import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import * as fs from 'node:fs';
import { PRINT_CHANNEL, type PrintResult } from '../shared/bridge';

/** Saves the calling window's page as a PDF (a take report, a call sheet) where the user chooses. */
export function registerPrintToPdf(isTrustedSender: (frame: WebFrameMain | null) => boolean): void {
  ipcMain.handle(PRINT_CHANNEL, async (event: IpcMainInvokeEvent, suggestedName: unknown): Promise<PrintResult> => {
    if (!isTrustedSender(event.senderFrame)) return { saved: false, path: null };
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win) return { saved: false, path: null };
    const name = typeof suggestedName === 'string' && /^[\w .()-]{1,100}\.pdf$/.test(suggestedName) ? suggestedName : 'cuelight.pdf';
    const choice = await dialog.showSaveDialog(win, { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    const pdf = await event.sender.printToPDF({ printBackground: true, pageSize: 'A4' });
    fs.writeFileSync(choice.filePath, pdf);
    return { saved: true, path: choice.filePath };
  });
}
