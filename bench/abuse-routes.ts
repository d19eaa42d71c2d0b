/**
 * The routes of `npm run bench:abuse`, read from the express app itself (every `app.get/post/…` and every
 * router mounted with `use`, at any depth), so a route added later is attacked without editing the bench.
 */
import type { Express } from 'express';

/** One route: method and path pattern (express syntax, e.g. `/console/tickets/:number`). */
export interface RouteSpec {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  handle?: { stack?: LayerLike[] };
  route?: { path: unknown; methods: Record<string, boolean>; stack?: LayerLike[] };
}

function pathsOf(raw: unknown): string[] {
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw)) return raw.flatMap(pathsOf);
  return [];
}

function join(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function walk(stack: readonly LayerLike[], prefix: string, out: RouteSpec[]): void {
  for (const layer of stack) {
    if (layer.route) {
      for (const path of pathsOf(layer.route.path)) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') out.push({ method: method.toUpperCase(), path: join(prefix, path) });
          if (on && method === '_all') out.push({ method: 'POST', path: join(prefix, path) });
        }
      }
      continue;
    }
    const inner = layer.handle?.stack;
    if (!Array.isArray(inner)) continue;
    const mounts = pathsOf(layer.rawPath);
    for (const mount of mounts.length > 0 ? mounts : ['/']) walk(inner, join(prefix, mount), out);
  }
}

/** Every route of the app, deduplicated, in mount order. */
export function routesOf(app: Express): RouteSpec[] {
  const router = (app as unknown as { router?: { stack: LayerLike[] } }).router;
  const out: RouteSpec[] = [];
  walk(router?.stack ?? [], '/', out);
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
