export * from './fieldList';
export * from './fuzzy';
export * from './integrations';
export * from './usedIn';
export * from './findAcrossMaps';
