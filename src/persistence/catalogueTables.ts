import type { CatalogueTable } from '../core/schema/bundle';

/** The catalogue's tables, in the order they are read and written. */
export const CATALOGUE: readonly CatalogueTable[] = ['departments', 'systems', 'dataStores'];
