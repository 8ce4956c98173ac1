/**
 * The architecture of DESIGN §2, checked on every `npm test` (npm run lint). Each rule names the layer it guards.
 * A deliberate violation is kept under test/fixtures/boundary-violations and must fail these rules (see
 * test/unit/boundaries).
 */
const nodeCore = { dependencyTypes: ['core'] };
const electronPackage = '(^|/)node_modules/electron/';
const nativePackages = '(^|/)node_modules/(node-hid|better-sqlite3|pg|pg-native|pdfkit|bwip-js|fontkit)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is used by main, renderer and hub: only shared/ itself and pure packages (zod).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'renderer-has-no-node',
      comment: 'The renderer runs sandboxed in a window: no Node built-ins, no electron, no native packages.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { ...nodeCore },
    },
    {
      name: 'renderer-stays-in-its-layer',
      comment: 'The renderer reaches the station only through the contract client, never by import.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '^server/', electronPackage, nativePackages] },
    },
    {
      name: 'station-is-plain-node',
      comment: 'electron/station runs under plain Node too (web mode, tests): no electron, no renderer.',
      severity: 'error',
      from: { path: '^electron/station/' },
      to: { path: [electronPackage, '^renderer/'] },
    },
    {
      name: 'main-is-glue-only',
      comment: 'Electron main wires windows to the station; it does not reach into the renderer or hub internals.',
      severity: 'error',
      from: { path: '^electron/(main|preload)/' },
      to: { path: ['^renderer/', '^server/'] },
    },
    {
      name: 'preload-exposes-only-the-contract',
      comment: 'Preload is bundled alone into a sandboxed script: electron and shared/ only.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^electron/preload/', '^shared/', electronPackage] },
    },
    {
      name: 'station-never-imports-the-hub',
      comment: 'A station reaches the hub over HTTP only, through the route map in shared/hub: the two are upgraded on different days.',
      severity: 'error',
      from: { path: '^electron/station/' },
      to: { path: '^server/' },
    },
    {
      name: 'hub-services-know-no-http',
      comment: 'Services and the station sync speak in domain refusals (server/services/refusal.ts); only server/api turns them into statuses and sentences.',
      severity: 'error',
      from: { path: '^server/(services|sync)/' },
      to: { path: '^server/api/' },
    },
    {
      name: 'hub-is-independent',
      comment: 'The hub server never imports station or renderer code.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: ['^electron/', '^renderer/', electronPackage] },
    },
    {
      name: 'node-hid-lives-in-the-scanner-service',
      severity: 'error',
      from: { pathNot: '^electron/station/scanner/' },
      to: { path: '(^|/)node_modules/node-hid/' },
    },
    {
      name: 'databases-live-in-storage',
      comment: 'Benchmarks may open a bare database: the baseline they compare the hub against.',
      severity: 'error',
      from: { pathNot: ['^server/storage/', '^electron/station/store/', '^test/bench/'] },
      to: { path: '(^|/)node_modules/(better-sqlite3|pg|pg-native)/' },
    },
    {
      name: 'label-libraries-live-in-printing',
      severity: 'error',
      from: { pathNot: '^electron/station/printing/' },
      to: { path: '(^|/)node_modules/(pdfkit|bwip-js|fontkit|@expo-google-fonts)/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^test/fixtures/', '^dist/', '^\\.tsbuild/'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
