import path from 'node:path';

/** migrations/ at the project root, from src/db (tsx, jest) and from dist/db (built) alike. */
export const migrationsFolder = path.resolve(__dirname, '..', '..', 'migrations');
