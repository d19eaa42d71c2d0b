/**
 * The Teams app package: template, icons, build and the `kotae manifest` command.
 */
export {
  buildManifestPackage,
  runManifestCommand,
  type ManifestCommandDeps,
  type ManifestPackageOptions,
} from './build';
export { checkManifestValues, renderManifest, type ManifestValues } from './render';
export { encodePng, readPngHeader } from './png';
