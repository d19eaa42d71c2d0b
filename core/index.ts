export * from './errors';
export * from './clock';
export * from './logger';
export * from './project-files';
export * from './audit';
export * from './escape-markup';
export * from './text-cut';
export * from './atomic-file';
