/** Pages whose last copy may be kept for offline reading: no patient data, no admin data. */
export const OFFLINE_READABLE_PATHS: RegExp[] = [
  /^\/$/,
  /^\/load-tests(\/[A-Za-z0-9-]+)?$/,
  /^\/(database|caching|scaling|resources|monitoring)$/,
];

export const PAGES_CACHE = "vigil-pages";
/** A slow ward network falls back to the saved copy after this long. */
export const NETWORK_TIMEOUT_SECONDS = 3;
