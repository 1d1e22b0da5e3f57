/** Saves the calling window's page as a PDF (a take report, a call sheet) where the user chooses. */
import type { BaseWindow, Dialog, WebContents } from 'electron';
import type { PrintResult } from '../../shared/bridge';

export interface PrintDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The window the calling page is in, to parent the save dialog. */
  windowOf(contents: unknown): BaseWindow | null;
  writeFile(filePath: string, data: Uint8Array): Promise<void> | void;
}

const NOT_SAVED: PrintResult = { saved: false, path: null };

/** A file name the page may suggest; anything else becomes cuelight.pdf. */
export function safePdfName(suggested: unknown): string {
  return typeof suggested === 'string' && /^[\w .()-]{1,100}\.pdf$/.test(suggested) ? suggested : 'cuelight.pdf';
}

/** Writes only to the path the user picked in the save dialog; a cancelled dialog writes nothing. */
export async function printToPdf(sender: Pick<WebContents, 'printToPDF'>, suggestedName: unknown, deps: PrintDeps): Promise<PrintResult> {
  const win = deps.windowOf(sender);
  if (!win) return NOT_SAVED;
  const options = { defaultPath: safePdfName(suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = await deps.dialog.showSaveDialog(win, options);
  if (choice.canceled || !choice.filePath) return NOT_SAVED;
  const pdf = await sender.printToPDF({ printBackground: true, pageSize: 'A4' });
  await deps.writeFile(choice.filePath, pdf);
  return { saved: true, path: choice.filePath };
}
