/** The adapters/web/registers folder's public entry. */
export { createRegistersRouter, type RegistersRouterDeps } from './router';
