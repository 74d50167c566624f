#!/bin/sh
# Stand-in for Prisma's native schema engine, which OpenCLS never needs: migrations are
# applied by lib/db/migrate.ts. Pointing PRISMA_SCHEMA_ENGINE_BINARY here stops the Prisma
# CLI from downloading the engine (generate, validate and format run in WASM).
echo "OpenCLS: the Prisma schema engine is not used here; run 'npm run db:migrate' to apply migrations." >&2
exit 1
