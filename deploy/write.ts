// `npm run deploy:configs`: rewrite deploy/nginx.conf and deploy/Caddyfile from
// deploy/headers.ts, after a change there (tests/app/deploy.test.ts fails until then).
import { writeFileSync } from 'node:fs';
import { DEPLOY_FILES } from './headers.ts';

for (const [path, render] of Object.entries(DEPLOY_FILES)) {
  writeFileSync(path, render());
  console.log(`wrote ${path}`);
}
