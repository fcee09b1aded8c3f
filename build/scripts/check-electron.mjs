#!/usr/bin/env node
// `npm start` needs the Electron binary. Electron 45 is not fetched at npm install any more:
// the first require('electron') downloads it (once, from the internet). Say so plainly
// when that fails (offline machine, blocked download).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require('electron');
} catch {
  process.stderr.write(
    '未能下载 Electron 程序文件:首次运行 npm start(或 npx install-electron)需要访问互联网,下载一次后即可离线使用。\n' +
      'Could not download the Electron binary: the first npm start (or npx install-electron) needs internet access, once.\n' +
      'Without it, the browser dev host runs the same app: npm run web\n',
  );
  process.exit(1);
}
