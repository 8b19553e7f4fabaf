/** Debian's Chromium, never a downloaded browser (see ../shared/stack-notes.md). */
export const LAUNCH = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
  ],
};
