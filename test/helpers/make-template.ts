// Makes a migrated PGlite data folder that test files copy (see engine.ts).
import { openPglite } from '../../src/storage/drivers/pglite.ts';
import { migrate } from '../../src/storage/migrate.ts';

const dir = process.argv[2];
const db = await openPglite(dir);
await migrate(db);
await db.close();
