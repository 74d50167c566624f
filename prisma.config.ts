// Prisma CLI configuration. The app itself connects through lib/db/client.ts; migrations are
// applied by lib/db/migrate.ts (Prisma's native migration engine is not needed).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/opencls" },
});
