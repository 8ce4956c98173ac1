/** Where the Electron executable is, or why it cannot be run on this machine. */
export function locateElectronBinary(): { path: string } | { missingReason: string };
