import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// In Electron the preload provides window.pos; the browser preview installs it over HTTP.
if (!('pos' in window)) await import('./web-bridge');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
