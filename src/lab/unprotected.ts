// What the lab worker's self-check reports (src/lab/worker/selfCheck.ts) and the
// notice the page shows for it: shared by both sides and the protocol's schema.

/** The headers the self-check looks for on the worker's own script. */
export const CHECKED_HEADERS = ['Content-Security-Policy', 'Cross-Origin-Opener-Policy', 'Cross-Origin-Embedder-Policy'] as const;

export type CheckedHeader = (typeof CHECKED_HEADERS)[number];

/** The notice for whoever deployed the site, naming what the host must send (deploy/ has the configurations). */
export function unprotectedNotice(missing: readonly string[]): string {
  const isolation = missing.some((h) => h.startsWith('Cross-Origin'));
  return (
    `This site is served without the ${missing.join(', ')} header${missing.length === 1 ? '' : 's'} it needs (README, “Deploying”; deploy/ has configurations for common hosts). ` +
    'The lab still runs your code with JavaScript from text, the network and page storage closed' +
    (isolation ? ', but Stop has to restart the engine (a few seconds) instead of interrupting the program.' : '.')
  );
}
