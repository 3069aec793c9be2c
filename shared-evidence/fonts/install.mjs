#!/usr/bin/env node
// Puts the certificate fonts where the shared-evidence jar picks them up. Called by Maven
// (shared-evidence/pom.xml, generate-resources) and usable by hand:
//   node fonts/install.mjs <target/classes directory>
// Installs the pinned npm packages (package-lock.json) only when they are not there yet, then writes
//   certificate-font.ttf         Noto Sans SC, every glyph (for rare characters)
//   certificate-font-common.ttf  the same font cut down to GB 2312, Latin and punctuation, which
//                                iText subsets per document several times faster
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const font = join(root, 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf');
const subsetter = join(root, 'node_modules', 'subset-font');
const target = resolve(process.argv[2] ?? join(root, '..', 'target', 'classes'));
const fonts = join(target, 'org', 'alliancechain', 'evidence', 'fonts');
const full = join(fonts, 'certificate-font.ttf');
const common = join(fonts, 'certificate-font-common.ttf');

if (!existsSync(font) || !existsSync(subsetter)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}
mkdirSync(fonts, { recursive: true });
if (!existsSync(full) || statSync(full).size !== statSync(font).size) {
  copyFileSync(font, full);
}
if (!existsSync(common)) {
  const { default: subsetFont } = await import('subset-font');
  let text = '';
  const range = (from, to) => { for (let c = from; c < to; c++) text += String.fromCodePoint(c); };
  range(0x20, 0x250);     // ASCII, Latin-1, Latin Extended-A and -B
  range(0x2000, 0x2070);  // general punctuation
  range(0x2190, 0x2200);  // arrows
  range(0x3000, 0x3040);  // CJK symbols and punctuation
  range(0xff00, 0xfff0);  // half- and fullwidth forms
  const gbk = new TextDecoder('gbk');
  for (let hi = 0xa1; hi <= 0xf7; hi++) {        // GB 2312: symbols (A1-A9) and both levels of hanzi (B0-F7)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = gbk.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd') text += ch;
    }
  }
  writeFileSync(common, await subsetFont(readFileSync(font), text, { targetFormat: 'truetype' }));
}
