#!/usr/bin/env node
// `npx qwms …`: the hub CLI, run from its TypeScript source through tsx (installed with the project).
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/qwms.ts');
