package org.softmaxcourse.numeric;

import java.util.function.Function;

/**
 * Damped Newton's method for a smooth, strictly convex cost J(θ): each step solves
 * H Δ = ∇J ({@link Cholesky}) and moves to θ − tΔ, halving t from 1 until J decreases by at
 * least a ten-thousandth of the predicted amount t·⟨∇J, Δ⟩ (backtracking). Near the optimum the
 * full step is taken and convergence is quadratic. It stops when a full step changes J by less
 * than 10⁻¹⁵ relative, when no step lowers J any more (rounding level), or after
 * {@code maxSteps} steps.
 */
public final class Newton {
    private Newton() {
    }

    /** The cost at one point θ, with its gradient and Hessian there. */
    public interface Point {
        /**
         * The cost.
         *
         * @return J(θ)
         */
        double value();

        /**
         * The gradient.
         *
         * @return ∇J(θ), one entry per parameter
         */
        double[] gradient();

        /**
         * The Hessian.
         *
         * @return ∇²J(θ), row-major, symmetric
         */
        double[] hessian();
    }

    /**
     * Told of every point the method accepts.
     *
     * @param <P> the caller's point type
     */
    @FunctionalInterface
    public interface Listener<P extends Point> {
        /**
         * A point was accepted.
         *
         * @param step 0 for the start, then 1, 2, … for each accepted step
         * @param theta the parameters (the caller may keep the array)
         * @param point the cost there
         */
        void accepted(int step, double[] theta, P point);
    }

    /**
     * Minimises the cost from {@code start}.
     *
     * @param <P> the caller's point type, which may carry more than the cost (e.g. the scores)
     * @param cost evaluates J, ∇J and ∇²J at θ
     * @param start the starting parameters (not modified)
     * @param maxSteps the most Newton steps to take
     * @param listener told of the start and of each accepted step
     * @return the parameters where the method stopped, a new array
     * @throws IllegalStateException if a Hessian is not positive definite
     */
    public static <P extends Point> double[] minimise(Function<double[], P> cost, double[] start, int maxSteps,
                                                      Listener<P> listener) {
        int p = start.length;
        double[] theta = start.clone();
        P at = cost.apply(theta);
        listener.accepted(0, theta, at);
        for (int step = 1; step <= maxSteps; step++) {
            double value = at.value();
            double[] g = at.gradient();
            double[] delta = Cholesky.solve(at.hessian(), p, g);
            double decrease = 0;
            for (int j = 0; j < p; j++) {
                decrease += g[j] * delta[j];
            }
            double t = 1;
            double[] next;
            P trial;
            while (true) {
                next = new double[p];
                for (int j = 0; j < p; j++) {
                    next[j] = theta[j] - t * delta[j];
                }
                trial = cost.apply(next);
                if (trial.value() <= value - 1e-4 * t * decrease || t < 1e-10) {
                    break;
                }
                t /= 2;
            }
            if (!(trial.value() <= value)) {
                break; // at rounding level no step lowers J any further
            }
            theta = next;
            at = trial;
            listener.accepted(step, theta.clone(), at);
            if (t == 1 && value - trial.value() <= 1e-15 * Math.abs(value)) {
                break;
            }
        }
        return theta.clone();
    }
}
