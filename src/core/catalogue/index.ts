export * from './fields';
export * from './fuzzy';
export * from './integrations';
export * from './usage';
