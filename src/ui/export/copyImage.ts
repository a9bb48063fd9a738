// "Copy image": a PNG on the clipboard, to paste into Word or an e-mail. The PNG is handed over
// as a promise so the browser still counts the click as the user's gesture while it is drawn.

const INSTEAD = 'Download the PNG instead and insert it in Word with Insert > Pictures.';

export async function copyPng(png: Promise<Blob>): Promise<void> {
  if (!window.isSecureContext) {
    png.catch(() => undefined);
    throw new Error(`The browser copies pictures only on a secure page (https or localhost). ${INSTEAD}`);
  }
  if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') {
    png.catch(() => undefined);
    throw new Error(`This browser cannot put pictures on the clipboard. ${INSTEAD}`);
  }
  // Tell a failure to draw the picture apart from the clipboard saying no.
  let drawFailure: unknown;
  const guarded = png.catch((e: unknown) => {
    drawFailure = e;
    throw e;
  });
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': guarded })]);
  } catch (e) {
    if (drawFailure) throw drawFailure;
    const denied = e instanceof DOMException && e.name === 'NotAllowedError';
    throw new Error(`The browser refused to put the picture on the clipboard${denied ? ' (permission denied)' : ''}. ${INSTEAD}`, { cause: e });
  }
}
