import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadRoute } from './app/routes';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
preloadRoute(window.location.pathname);
const reactRoot = createRoot(root);
reactRoot.render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker (offline use, updates on the learner's word) registers
// once the page has loaded and the browser is idle, from a lazy chunk, so it
// costs first paint nothing. Not in `npm run dev`: no worker caches dev files.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const start = () => void import('./app/serviceWorker').then((m) => m.startServiceWorker());
  window.addEventListener('load', () => (window.requestIdleCallback ? window.requestIdleCallback(start, { timeout: 5000 }) : setTimeout(start, 1000)), { once: true });
}
