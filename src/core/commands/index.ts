export * from './define';
export * from './diff';
export * from './history';
export * from './lanes';
export * from './nodes';
export * from './flows';
export * from './maps';
