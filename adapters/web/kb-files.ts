/**
 * `/kb/…`: the manuals of the knowledge folder that answers link to. Only regular files whose real
 * path (symlinks resolved) is inside the real knowledge folder, never inside the data folder, never
 * a dotfile or a file in a hidden folder of it, never a database file; anything else is a plain 404. The ingest
 * indexes a symbolic link only when it leads to such a file (ingest/source-walk.ts), so every source an answer
 * links to opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { requestErrorOf } from './request-errors';

const DATABASE_FILE = /\.(sqlite3?|db|db3)(-wal|-shm|-journal)?$|-(wal|shm|journal)$/i;

/** Whether `child` is `parent` or inside it (both absolute, normalised). */
export function isInsideDir(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrResolved(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** Serves the knowledge folder's files read-only. */
export function createKbRouter(kbDir: string, dataDir?: string): Router {
  const router = Router();
  const root = realOrResolved(kbDir);
  const data = dataDir ? realOrResolved(dataDir) : undefined;
  router.get(/.*/, async (req: Request, res: Response, next: NextFunction) => {
    const relative = decodeURIComponent(req.path).replace(/^\/+/, '');
    const segments = relative.split(/[\\/]/);
    if (!relative || segments.some((s) => s.startsWith('.') || s === '') || relative.includes('\0')) {
      return notFound(res);
    }
    try {
      const real = await fs.promises.realpath(path.join(root, relative));
      if (!isInsideDir(real, root) || real === root) return notFound(res);
      const inRoot = path.relative(root, real);
      if (inRoot.split(path.sep).some((s) => s.startsWith('.'))) return notFound(res);
      if (data && isInsideDir(real, data)) return notFound(res);
      if (DATABASE_FILE.test(real)) return notFound(res);
      const stat = await fs.promises.stat(real);
      if (!stat.isFile()) return notFound(res);
      // `root` keeps send's dotfile check to the path inside the folder: the folder may live under e.g. ~/.local/….
      res.sendFile(inRoot, { root, dotfiles: 'deny', maxAge: '1h' }, (err) => {
        if (!err || res.headersSent) return;
        // An unsatisfiable Range or a failed precondition is the request's fault, not a missing file.
        const refused = requestErrorOf(err);
        if (refused) next(refused);
        else notFound(res);
      });
    } catch {
      notFound(res);
    }
  });
  return router;
}

function notFound(res: Response): void {
  res.status(404).type('text/plain; charset=utf-8').send('ファイルが見つかりません。');
}
