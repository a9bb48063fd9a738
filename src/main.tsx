import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import '@xyflow/react/dist/style.css';
import './ui/styles/app.css';
import { App } from './ui/shell/App';
import { bootstrap } from './bootstrap';
import { Notices } from './pwa/Notices';
import { startServiceWorker } from './pwa/registerServiceWorker';
import { startBackupReminder } from './ui/storage/backupReminder';
import { persistAfterFirstNewMap } from './ui/storage/storageInfo';

// The Content-Security-Policy forbids eval: zod must not even probe for it (the probe is
// reported as a violation).
z.config({ jitless: true });

const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    <App />
    <Notices />
  </StrictMode>,
);
void bootstrap();
startServiceWorker();
startBackupReminder();
persistAfterFirstNewMap();
