#!/usr/bin/env node
// Build driver for the contracts module, called by Maven (contracts/pom.xml) and usable by hand:
//   node tools/build.mjs install   npm ci when node_modules does not match package-lock.json
//   node tools/build.mjs build     forge build (offline, solcjs shim)
//   node tools/build.mjs test      forge test
//   node tools/build.mjs extract <outDir> <Name>...   write <Name>.abi / <Name>.bin from out/ for web3j codegen
// Works from any working directory: everything is resolved against this file's project.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function platformSuffix() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
  const cpu = { x64: 'amd64', arm64: 'arm64' }[process.arch];
  if (!os || !cpu) throw new Error(`no Foundry binaries for ${process.platform}/${process.arch}`);
  return `${os}-${cpu}`;
}

export function foundryBinary(tool) {
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  const path = join(root, 'node_modules', '@foundry-rs', `${tool}-${platformSuffix()}`, 'bin', exe);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run "node tools/build.mjs install" (the Maven build does it)`);
  }
  return path;
}

function install() {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  // npm ci rewrites node_modules/.package-lock.json from the lockfile; compare the package sets.
  const wanted = JSON.parse(readFileSync(lock, 'utf8')).packages ?? {};
  let current = {};
  if (existsSync(installed)) current = JSON.parse(readFileSync(installed, 'utf8')).packages ?? {};
  const same = Object.entries(wanted)
    .filter(([k]) => k !== '')
    .every(([k, v]) => current[k] && current[k].version === v.version);
  if (same) {
    console.log('contracts: node_modules up to date');
    return;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['ci', '--no-audit', '--no-fund']);
}

function extract(outDir, names) {
  mkdirSync(outDir, { recursive: true });
  for (const name of names) {
    const artifact = join(root, 'out', `${name}.sol`, `${name}.json`);
    const json = JSON.parse(readFileSync(artifact, 'utf8'));
    writeFileSync(join(outDir, `${name}.abi`), JSON.stringify(json.abi));
    writeFileSync(join(outDir, `${name}.bin`), json.bytecode.object.replace(/^0x/, ''));
  }
  console.log(`contracts: extracted ${names.join(', ')} to ${outDir}`);
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'install': install(); break;
  // --sizes fails the build when a contract exceeds EIP-170's 24,576 bytes (Besu and anvil refuse to deploy it)
  case 'build': run(foundryBinary('forge'), ['build', '--sizes', '--root', root]); break;
  case 'test': run(foundryBinary('forge'), ['test', '--root', root]); break;
  case 'extract': extract(resolve(rest[0]), rest.slice(1)); break;
  default:
    console.error('usage: build.mjs install | build | test | extract <outDir> <Name>...');
    process.exit(2);
}
