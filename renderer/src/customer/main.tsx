import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import '../i18n/fonts';
import './customer.css';
import { CustomerApp } from './CustomerApp';
import { holdFromQuery } from './layout';

// In Electron the customer preload provides window.customer; in the browser preview it is installed over HTTP.
if (!('customer' in window)) await import('./web-bridge');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CustomerApp holdMs={holdFromQuery(window.location.search)} />
    </StrictMode>,
  );
}
