/**
 * Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson, Tropp
 * 2011). Dense blocks are row-major Float64Arrays. The row-side basis is orthonormalised by
 * Cholesky QR that drops dependent columns, so tiny or duplicated corpora work too.
 */
import { SeededRandom } from './seeded-random';
import { symmetricEigen } from './symmetric-eigen';

/** Sparse rows (CSR): row r has columns `cols[rowStart[r]..rowStart[r+1])` with `values`. */
export interface SparseRows {
  rowStart: Int32Array;
  cols: Int32Array;
  values: Float32Array;
  columnCount: number;
}

/** Right singular vectors (columnCount × rank, row-major) and singular values, descending. */
export interface TruncatedSvd {
  rank: number;
  singularValues: Float64Array;
  rightVectors: Float64Array;
}

/** Computes the top `rank` right singular vectors; `rank` shrinks to what the data supports. */
export function randomizedSvd(
  a: SparseRows,
  rank: number,
  options: { seed: number; powerIterations?: number; oversample?: number },
): TruncatedSvd {
  const rows = a.rowStart.length - 1;
  const l = Math.max(1, Math.min(rank + (options.oversample ?? 10), rows, a.columnCount));
  const rng = new SeededRandom(options.seed);
  const omega = new Float64Array(a.columnCount * l);
  for (let i = 0; i < omega.length; i++) omega[i] = rng.gaussian();
  let q = choleskyQr(multiply(a, omega, l), rows, l);
  for (let it = 0; it < (options.powerIterations ?? 2); it++)
    q = choleskyQr(multiply(a, multiplyTransposed(a, q, l), l), rows, l);
  // B = Q^T A; B B^T = Q^T A (A^T Q) = W Σ² W^T; right vectors V = B^T W Σ^-1.
  const bt = multiplyTransposed(a, q, l);
  const { values, vectors } = symmetricEigen(crossProduct(q, multiply(a, bt, l), rows, l), l);
  let kept = 0;
  while (kept < Math.min(rank, l) && values[kept] > 1e-10 * Math.max(values[0], 1e-300)) kept++;
  const singularValues = new Float64Array(kept);
  const mix = new Float64Array(l * kept);
  for (let j = 0; j < kept; j++) {
    singularValues[j] = Math.sqrt(values[j]);
    for (let i = 0; i < l; i++) mix[i * kept + j] = vectors[i * l + j] / singularValues[j];
  }
  const rightVectors = new Float64Array(a.columnCount * kept);
  for (let c = 0; c < a.columnCount; c++) {
    const out = c * kept;
    for (let i = 0; i < l; i++) {
      const v = bt[c * l + i];
      if (v === 0) continue;
      const m = i * kept;
      for (let j = 0; j < kept; j++) rightVectors[out + j] += v * mix[m + j];
    }
  }
  return { rank: kept, singularValues, rightVectors };
}

/** A (rows × columnCount) times dense X (columnCount × l). */
function multiply(a: SparseRows, x: Float64Array, l: number): Float64Array {
  const rows = a.rowStart.length - 1;
  const out = new Float64Array(rows * l);
  for (let r = 0; r < rows; r++) {
    const o = r * l;
    for (let p = a.rowStart[r]; p < a.rowStart[r + 1]; p++) {
      const v = a.values[p];
      const base = a.cols[p] * l;
      for (let j = 0; j < l; j++) out[o + j] += v * x[base + j];
    }
  }
  return out;
}

/** A^T times dense Y (rows × l). */
function multiplyTransposed(a: SparseRows, y: Float64Array, l: number): Float64Array {
  const rows = a.rowStart.length - 1;
  const out = new Float64Array(a.columnCount * l);
  for (let r = 0; r < rows; r++) {
    const o = r * l;
    for (let p = a.rowStart[r]; p < a.rowStart[r + 1]; p++) {
      const v = a.values[p];
      const base = a.cols[p] * l;
      for (let j = 0; j < l; j++) out[base + j] += v * y[o + j];
    }
  }
  return out;
}

/** X^T Y for row-major X, Y (n × l), symmetrised. */
function crossProduct(x: Float64Array, y: Float64Array, n: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let r = 0; r < n; r++) {
    const off = r * l;
    for (let i = 0; i < l; i++) {
      const xi = x[off + i];
      if (xi === 0) continue;
      const gi = i * l;
      for (let j = 0; j < l; j++) g[gi + j] += xi * y[off + j];
    }
  }
  for (let i = 0; i < l; i++)
    for (let j = 0; j < i; j++) g[i * l + j] = g[j * l + i] = (g[i * l + j] + g[j * l + i]) / 2;
  return g;
}

/** Orthonormal basis of X's columns; Cholesky QR applied twice (CholeskyQR2) for orthogonality. */
function choleskyQr(x: Float64Array, n: number, l: number): Float64Array {
  return choleskyQrOnce(choleskyQrOnce(x, n, l), n, l);
}

/** X = Q R with R from the Cholesky factor of X^T X. */
function choleskyQrOnce(x: Float64Array, n: number, l: number): Float64Array {
  const g = crossProduct(x, x, n, l);
  const r = new Float64Array(l * l);
  const live = new Uint8Array(l);
  const maxDiag = Math.max(1e-300, ...Array.from({ length: l }, (_, i) => g[i * l + i]));
  for (let j = 0; j < l; j++) {
    let d = g[j * l + j];
    for (let k = 0; k < j; k++) d -= r[k * l + j] * r[k * l + j];
    if (d <= 1e-12 * maxDiag) continue; // dependent column: left out of the basis
    live[j] = 1;
    const rjj = Math.sqrt(d);
    r[j * l + j] = rjj;
    for (let c = j + 1; c < l; c++) {
      let s = g[j * l + c];
      for (let k = 0; k < j; k++) s -= r[k * l + j] * r[k * l + c];
      r[j * l + c] = s / rjj;
    }
  }
  // Q = X R^-1 row by row (forward substitution), skipping dropped columns.
  const out = new Float64Array(n * l);
  const row = new Float64Array(l);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < l; j++) {
      if (!live[j]) {
        row[j] = 0;
        continue;
      }
      let s = x[i * l + j];
      for (let k = 0; k < j; k++) s -= row[k] * r[k * l + j];
      row[j] = s / r[j * l + j];
    }
    out.set(row, i * l);
  }
  return out;
}
