// Fail fast: ioredis's defaults queue commands and retry for ~73 s when Redis is down; these
// options reject within ~75 ms so callers can fall back (see ../shared/stack-notes.md).
// Shared by the console and the clinical service.
export const FAIL_FAST_REDIS_OPTIONS = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  commandTimeout: 500,
  connectTimeout: 1000,
  lazyConnect: true,
} as const;
