/** Pages whose last copy may be kept for offline reading: no patient data, no admin data. */
export const OFFLINE_READABLE_PATHS: RegExp[] = [
  /^\/$/,
  /^\/load-tests(\/[A-Za-z0-9-]+)?$/,
  /^\/(database|caching|scaling|resources|monitoring)$/,
];

export const PAGES_CACHE = "vigil-pages";
/** Saved pages kept at most (oldest evicted first) and for at most a week. */
export const PAGES_MAX_ENTRIES = 40;
export const PAGES_MAX_AGE_SECONDS = 7 * 24 * 3600;
/** A slow ward network falls back to the saved copy after this long. */
export const NETWORK_TIMEOUT_SECONDS = 3;

/** Message a page posts after a client-side navigation, so the SW keeps that page too. */
export const KEEP_PAGE_MESSAGE = "vigil:keep-page";

/**
 * Written by an offline sign-out after every other cache is emptied: one static "signed out"
 * page with no personal data, served for any navigation that fails until the network returns
 * (then /signed-out's Clear-Site-Data removes it).
 */
export const SIGNED_OUT_CACHE = "vigil-signed-out";
export const SIGNED_OUT_URL = "/signed-out";
