import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { primeFirstReads } from './hooks/first-reads';
import { Root } from './Root';
import './styles.css';

// In Electron the preload provides window.pos; in the browser preview it is installed over HTTP.
if ('pos' in window) primeFirstReads();
else {
  const { streamReady } = await import('./web-bridge');
  primeFirstReads();
  // The preview's reads wait for its event stream: let them go out before the first render holds the thread.
  await Promise.race([streamReady, new Promise((resolve) => setTimeout(resolve, 100))]);
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
