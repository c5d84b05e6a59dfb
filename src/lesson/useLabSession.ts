// The React hook of the visit's lab session (the store is framework-free: src/lab/page/session.ts).
import { bindStore } from '../lib/react';
import { labSession } from '../lab/page';

export const useLabSession = bindStore(labSession);
