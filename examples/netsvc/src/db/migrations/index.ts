import type { Migration } from '../migration.js';
import { migration as m0001 } from './0001_initial.js';
import { migration as m0002 } from './0002_fwaas_tables.js';
import { migration as m0003 } from './0003_vpnaas_tables.js';

/** Every migration, in the order it must run. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003];
