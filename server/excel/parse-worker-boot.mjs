// Starts the Excel parse worker from its TypeScript source (the CLI and the tests run the hub through tsx; a
// worker thread does not inherit tsx's loader, so it registers its own). The bundled hub uses excel-worker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
