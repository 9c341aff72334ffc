package org.softmaxcourse.numeric;

/**
 * Solves H x = g for a symmetric positive-definite H by Cholesky factorisation H = L Lᵀ
 * (L lower triangular), then forward and back substitution: L v = g, Lᵀ x = v. The linear
 * algebra of a {@link Newton} step, where H is a Hessian.
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * The solution x of H x = g.
     *
     * @param h the p × p matrix H, row-major, symmetric positive-definite; not modified
     * @param p the order of H
     * @param g the right-hand side, p entries
     * @return x, a new array of p entries
     * @throws IllegalStateException if H is not positive definite (a pivot is not above 0), the
     *     sign that a cost is not strictly convex at the point where H was taken
     */
    public static double[] solve(double[] h, int p, double[] g) {
        double[] l = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = h[i * p + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * p + k] * l[j * p + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("the Hessian is not positive definite (pivot " + i + " = " + s
                                + "): the cost is not strictly convex here");
                    }
                    l[i * p + i] = Math.sqrt(s);
                } else {
                    l[i * p + j] = s / l[j * p + j];
                }
            }
        }
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * p + k] * v[k];
            }
            v[i] = s / l[i * p + i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = v[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k * p + i] * x[k];
            }
            x[i] = s / l[i * p + i];
        }
        return x;
    }
}
