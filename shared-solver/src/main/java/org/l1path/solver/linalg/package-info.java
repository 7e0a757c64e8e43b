/**
 * Small dense kernels: dot products, the blocked cross-product kernel behind every Gram matrix
 * ({@link org.l1path.solver.linalg.ColumnProducts}, with scalar and vector micro-kernels), the
 * weighted Gram of a Newton step, an incrementally updated Cholesky factor, and Anderson
 * extrapolation. Imports only {@code data}; a new kernel, or a faster one, goes here.
 */
package org.l1path.solver.linalg;
