// Browser downloads with safe, dated file names.

/** A file name made from a user's text: no path characters, no control characters, short. */
export function safeFileName(name: string, fallback = 'lanemap'): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w\s.-]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 80);
  return cleaned || fallback;
}

export function datedName(base: string, ext: string, date = new Date()): string {
  return `${safeFileName(base)}-${date.toISOString().slice(0, 10)}.${ext}`;
}

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
