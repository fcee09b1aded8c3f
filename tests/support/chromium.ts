/** Debian's Chromium, as CI installs it; PLANLEDGER_CHROMIUM overrides the path. */
export const chromiumPath = process.env.PLANLEDGER_CHROMIUM ?? '/usr/bin/chromium';

/** Headless and closed off: no background traffic that this machine's closed network would refuse. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
