import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles/app.css';
import './ui/styles/themes.css';
import { App } from './ui/shell/App';
import { bootstrap } from './bootstrap';
import { Notices } from './pwa/Notices';
import { startServiceWorker } from './pwa/registerServiceWorker';
import { startBackupReminder } from './ui/storage/backupReminder';
import { persistAfterFirstNewMap } from './ui/storage/storageInfo';
import { startTheme } from './ui/shell/theme';

// The theme before the first paint, so a dark room is not lit up by a white page first.
startTheme();

// zod is told not to probe for eval (which the Content-Security-Policy forbids) in
// core/schema/zodSetup.ts, imported before any schema is built.

// Storage first: opening the databases goes on in the browser while React draws the empty shell.
void bootstrap();

// A part of the page that failed to draw says so in place (ErrorBoundary); the details go to
// the console as a warning, since the failure was caught and shown.
const root = createRoot(document.getElementById('root')!, {
  onCaughtError: (error, info) => console.warn('Lanemap: a part of the page could not be shown:', error, info.componentStack),
});
root.render(
  <StrictMode>
    <App />
    <Notices />
  </StrictMode>,
);
startServiceWorker();
startBackupReminder();
persistAfterFirstNewMap();
