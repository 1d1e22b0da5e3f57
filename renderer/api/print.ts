/**
 * Prints the current screen with its print stylesheet: a PDF through Electron's printToPDF in the
 * desktop app, the browser's print dialog (which can also save a PDF) elsewhere.
 */
export async function printDocument(suggestedName: string): Promise<void> {
  if (window.cuelight) {
    await window.cuelight.printToPdf(suggestedName);
    return;
  }
  window.print();
}

/** Saves an exported file (CSV, JSON) through the browser's download, which Electron also handles. */
export function saveFile(file: { filename: string; mime: string; content: string }): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
