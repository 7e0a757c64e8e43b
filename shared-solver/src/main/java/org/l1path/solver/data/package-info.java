/**
 * How the solver holds data: the {@link org.l1path.solver.data.Design}, dense (column-major) or
 * sparse (compressed columns), read through operations that cost a sparse column its non-zeros; the
 * dot-product kernels ({@link org.l1path.solver.data.Dot}), coefficient rows ({@link
 * org.l1path.solver.data.SparseRow}) and the strong and active feature sets of a Newton step.
 * Imports no other solver package; every solver package may import it, front ends may not.
 */
package org.l1path.solver.data;
