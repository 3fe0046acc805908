// Debian's Chromium, as the e2e tests and the Lighthouse benchmark start it.

export const CHROMIUM = "/usr/bin/chromium";

/** As root, without the background traffic this machine's closed network refuses. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
