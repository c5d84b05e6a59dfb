// `vite preview` of the production build on a free port, for the browser tests'
// global setup and for offline.e2e.ts (which needs a server of its own to shut
// down). No vitest hooks here, unlike browser.ts: the global setup imports it.
import { preview, type PluginOption, type PreviewServer } from 'vite';

/** `plugins`: added to the app's own, e.g. to watch the requests the server answers. */
export async function startPreview(plugins: PluginOption[] = []): Promise<{ server: PreviewServer; baseURL: string }> {
  // Port 0: a free port from the system, so runs in other checkouts on the same machine do not collide.
  const server = await preview({ plugins, preview: { port: 0, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') {
    await server.close();
    throw new Error('vite preview did not report its port');
  }
  return { server, baseURL: `http://127.0.0.1:${address.port}` };
}
