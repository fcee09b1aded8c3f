#!/usr/bin/env node
// `npm start` needs the Electron binary, which npm downloads at install time. Say so plainly
// when it is missing (offline install, or ELECTRON_SKIP_BINARY_DOWNLOAD=1).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require('electron');
} catch {
  process.stderr.write(
    '未找到 Electron 程序文件:请在能访问互联网的电脑上运行 npm ci(不要设置 ELECTRON_SKIP_BINARY_DOWNLOAD)。\n' +
      'The Electron binary is not installed: run npm ci on a machine with internet access (without ELECTRON_SKIP_BINARY_DOWNLOAD).\n' +
      'Without it, the browser dev host runs the same app: npm run web\n',
  );
  process.exit(1);
}
