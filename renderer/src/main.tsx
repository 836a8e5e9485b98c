import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';
import './styles.css';

// In Electron the preload provides window.pos; in the browser preview it is installed over HTTP.
if (!('pos' in window)) await import('./web-bridge');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
