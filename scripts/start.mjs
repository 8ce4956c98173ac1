// npm start: the Electron station when Electron can run here, otherwise the same station in web mode.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateElectronBinary } from './electron-binary.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs through the npm that started us (npm_execpath) when there is one: spawning npm.cmd directly needs a shell
 * on Windows since Node 20.12.
 */
function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) return { command: process.execPath, args: [npmCli, ...args], shell: false };
  return { command: 'npm', args, shell: process.platform === 'win32' };
}

/** Runs a child with our terminal; Ctrl+C and SIGTERM reach it, and we end the way it ended. */
function runInForeground(command, args, { shell = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', shell });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const signals = ['SIGINT', 'SIGTERM'];
    for (const signal of signals) process.on(signal, forward);
    const finish = (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve({ code, signal });
    };
    child.on('exit', finish);
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      finish(1, null);
    });
  });
}

function exitLike({ code, signal }) {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
}

async function runNpmScript(name) {
  const npm = npmCommand(['run', name]);
  return runInForeground(npm.command, npm.args, { shell: npm.shell });
}

const electron = locateElectronBinary();
if ('missingReason' in electron) {
  console.log(`Electron is not installed on this machine (${electron.missingReason}), so QWMS Floor starts in web mode instead.`);
  exitLike(await runNpmScript('start:web'));
} else {
  const built = await runNpmScript('build');
  if (built.code !== 0 || built.signal) exitLike(built);
  else exitLike(await runInForeground(electron.path, [projectRoot]));
}
