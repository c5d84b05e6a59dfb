// Imported first by the author view, before the content schemas are built:
// zod probes for eval (new Function) when it builds an object schema, and the
// page's CSP forbids eval and reports the probe. Without JIT zod parses the same.
import { config } from 'zod';

config({ jitless: true });
