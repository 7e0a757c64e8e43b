/**
 * How the solver holds data: the column-major {@link org.l1path.solver.data.Design}, coefficient
 * rows ({@link org.l1path.solver.data.SparseRow}) and the strong and active feature sets of a
 * Newton step. Imports no other solver package; every solver package may import it, front ends may
 * not.
 */
package org.l1path.solver.data;
