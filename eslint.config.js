// Lint rules that dependency-cruiser cannot express (it sees modules, not the names imported from them), plus
// typescript-eslint's recommended set.
import tseslint from 'typescript-eslint';

const rawIpc = (allowed) => ({
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'].filter((name) => name !== allowed),
  message: 'Station calls go through the one validated wrapper (electron/main/ipc/validated-ipc.ts) and preload.',
});

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'release/**', 'test/fixtures/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': ['error', { paths: [rawIpc(null)] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Tests read HTTP answers as loose JSON and assert on them; production code stays typed.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['electron/main/ipc/validated-ipc.ts'], rules: { 'no-restricted-imports': ['error', { paths: [rawIpc('ipcMain')] }] } },
  { files: ['electron/preload/**'], rules: { 'no-restricted-imports': ['error', { paths: [rawIpc('ipcRenderer')] }] } },
);
