import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL here, not in schema.prisma. Only `prisma generate`
// runs on this project (migrations are applied by core/db/migrator.ts), so no URL is needed.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
