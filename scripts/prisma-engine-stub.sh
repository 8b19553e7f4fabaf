#!/bin/sh
# Stand-in for Prisma's schema engine: `prisma generate` never calls it, but the CLI
# tries to download it unless this variable points at an executable.
echo "vigil: the Prisma schema engine is not used; migrations run through core/db/migrator.ts" >&2
exit 1
