// Browser downloads with safe, dated file names (the names themselves are made in core).

export { datedName, safeFileName, uniqueNames } from '../../core/text/fileNames';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
