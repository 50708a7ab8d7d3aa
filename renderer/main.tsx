import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// Chromium's network notifier lives in the renderer: tell main, which retries renewals when back online.
window.addEventListener('online', () => void window.zohoTicketTray?.reportNetwork(true));
window.addEventListener('offline', () => void window.zohoTicketTray?.reportNetwork(false));

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App api={window.zohoTicketTray} />
    </StrictMode>,
  );
}
