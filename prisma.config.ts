import { defineConfig } from 'prisma/config';

// Used by `prisma generate` only: migrations are applied by src/db/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
});
