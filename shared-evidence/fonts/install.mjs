#!/usr/bin/env node
// Puts the certificate font where the shared-evidence jar picks it up. Called by Maven
// (shared-evidence/pom.xml, generate-resources) and usable by hand:
//   node fonts/install.mjs <target/classes directory>
// Installs the pinned npm package (package-lock.json) only when the font is not there yet.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const font = join(root, 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf');
const target = resolve(process.argv[2] ?? join(root, '..', 'target', 'classes'));
const destination = join(target, 'org', 'alliancechain', 'evidence', 'fonts', 'certificate-font.ttf');

if (!existsSync(font)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
  if (!existsSync(font)) {
    console.error(`npm ci did not bring ${font}`);
    process.exit(1);
  }
}
if (!existsSync(destination) || statSync(destination).size !== statSync(font).size) {
  mkdirSync(dirname(destination), { recursive: true });
  copyFileSync(font, destination);
}
