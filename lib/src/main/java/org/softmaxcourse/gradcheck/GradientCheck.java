package org.softmaxcourse.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.softmaxcourse.activation.Activation;
import org.softmaxcourse.loss.PointwiseLoss;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.numeric.Require;

/**
 * Compares analytic derivatives with central finite differences.
 *
 * <p>The numerical derivative is Richardson's extrapolation of two central differences:
 *
 * <pre>
 *   D(h) = (f(x + h) − f(x − h)) / 2h             error O(h²)
 *   f′(x) ≈ (4·D(h/2) − D(h)) / 3                  error O(h⁴)
 * </pre>
 *
 * with h = step·max(1, |x|) (step 10⁻³ by default), which gives about 10 correct digits for a
 * smooth f of moderate size: far more than the plain central difference with its best step
 * (about 6 digits at h ≈ 10⁻⁵), so that a tight tolerance separates right from wrong.
 *
 * <p>An entry passes when |analytic − numeric| ≤ tolerance·max(1, |numeric|) (tolerance 10⁻⁶ by
 * default): a relative test for large derivatives, an absolute one for small. Near a kink (ReLU
 * at 0) the difference quotient straddles it and no derivative can agree; check such functions
 * away from their kinks.
 *
 * <pre>{@code
 *   GradientCheck.create().checkDerivative("σ′", Sigmoid::sigmoid, z -> Sigmoid.sigmoid(z) * (1 - Sigmoid.sigmoid(z)),
 *           -3, 0, 2.5)
 *   // Gradient check of σ′: 3 points, max |Δ| = 1.4e-12, max relative Δ = 5.5e-12 → OK (tolerance 1e-06)
 * }</pre>
 *
 * @see GradientCheckResult
 */
public final class GradientCheck {
    /** The default tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** The default relative step. */
    public static final double DEFAULT_STEP = 1e-3;

    private final double tolerance;
    private final double step;

    private GradientCheck(double tolerance, double step) {
        this.tolerance = tolerance;
        this.step = step;
    }

    /**
     * A checker with tolerance 10⁻⁶ and relative step 10⁻³.
     *
     * @return a checker with tolerance 10⁻⁶ and relative step 10⁻³
     */
    public static GradientCheck create() {
        return new GradientCheck(DEFAULT_TOLERANCE, DEFAULT_STEP);
    }

    /**
     * The same checker with another tolerance (finite, &gt; 0).
     *
     * @param tolerance the tolerance on the relative error, finite and greater than 0
     * @return the same checker with another tolerance (finite, &gt; 0)
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public GradientCheck withTolerance(double tolerance) {
        Require.positiveFinite("tolerance", tolerance);
        return new GradientCheck(tolerance, step);
    }

    /**
     * The same checker with another relative step h/max(1, |x|) (finite, &gt; 0).
     *
     * @param step the relative step h/max(1, |x|), finite and greater than 0
     * @return the same checker with another relative step h/max(1, |x|) (finite, &gt; 0)
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public GradientCheck withStep(double step) {
        Require.positiveFinite("step", step);
        return new GradientCheck(tolerance, step);
    }

    /**
     * The tolerance.
     *
     * @return the tolerance on the relative error
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The step.
     *
     * @return the relative step h/max(1, |x|)
     */
    public double step() {
        return step;
    }

    // ---- numerical derivatives ---------------------------------------------------------------

    /**
     * f′(x) by Richardson-extrapolated central differences.
     *
     * @param f the function
     * @param x the point
     * @return f′(x) by Richardson-extrapolated central differences
     */
    public double derivative(DoubleUnaryOperator f, double x) {
        notNull("f", f);
        double h = step * Math.max(1.0, Math.abs(x));
        double d1 = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double h2 = h / 2;
        double d2 = (f.applyAsDouble(x + h2) - f.applyAsDouble(x - h2)) / (2 * h2);
        return (4 * d2 - d1) / 3;
    }

    /**
     * f″(x) by Richardson-extrapolated second differences (f(x + h) − 2f(x) + f(x − h))/h², with
     * a step ten times the first-derivative one (the division by h² magnifies rounding).
     *
     * @param f the function
     * @param x the point
     * @return the estimate of f″(x)
     */
    public double secondDerivative(DoubleUnaryOperator f, double x) {
        notNull("f", f);
        double h = 10 * step * Math.max(1.0, Math.abs(x));
        double fx = f.applyAsDouble(x);
        double d1 = (f.applyAsDouble(x + h) - 2 * fx + f.applyAsDouble(x - h)) / (h * h);
        double h2 = h / 2;
        double d2 = (f.applyAsDouble(x + h2) - 2 * fx + f.applyAsDouble(x - h2)) / (h2 * h2);
        return (4 * d2 - d1) / 3;
    }

    /**
     * ∇f(x), one coordinate at a time. {@code x} is not changed.
     *
     * @param f the function
     * @param x the point
     * @return ∇f(x), one coordinate at a time
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        notNull("f", f);
        Require.nonEmpty("x", x);
        double[] g = new double[x.length];
        double[] work = x.clone();
        for (int i = 0; i < x.length; i++) {
            int ii = i;
            g[i] = derivative(t -> {
                work[ii] = t;
                double v = f.applyAsDouble(work);
                work[ii] = x[ii];
                return v;
            }, x[i]);
        }
        return g;
    }

    /**
     * The Jacobian J<sub>ij</sub> = ∂fᵢ/∂xⱼ of a vector function, column by column.
     *
     * @param f the function
     * @param x the point
     * @return the Jacobian J<sub>ij</sub> = ∂fᵢ/∂xⱼ of a vector function, column by column
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public Matrix jacobian(UnaryOperator<double[]> f, double[] x) {
        notNull("f", f);
        Require.nonEmpty("x", x);
        int m = f.apply(x.clone()).length;
        double[] j = new double[m * x.length];
        double[] work = x.clone();
        for (int col = 0; col < x.length; col++) {
            double h = step * Math.max(1.0, Math.abs(x[col]));
            double[] plus = at(f, work, col, x[col] + h);
            double[] minus = at(f, work, col, x[col] - h);
            double[] plus2 = at(f, work, col, x[col] + h / 2);
            double[] minus2 = at(f, work, col, x[col] - h / 2);
            for (int row = 0; row < m; row++) {
                double d1 = (plus[row] - minus[row]) / (2 * h);
                double d2 = (plus2[row] - minus2[row]) / h;
                j[row * x.length + col] = (4 * d2 - d1) / 3;
            }
        }
        return Matrix.wrap(m, x.length, j);
    }

    private static double[] at(UnaryOperator<double[]> f, double[] work, int i, double value) {
        double keep = work[i];
        work[i] = value;
        double[] out = f.apply(work.clone());
        work[i] = keep;
        return out;
    }

    // ---- checks ------------------------------------------------------------------------------

    /**
     * Compares {@code df} with the numerical derivative of {@code f} at each point.
     *
     * @param name what is checked, for the report
     * @param f the function
     * @param df the analytic derivative of f
     * @param points the points to check at
     * @return one entry per point
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public GradientCheckResult checkDerivative(String name, DoubleUnaryOperator f, DoubleUnaryOperator df,
                                               double... points) {
        notNull("f", f);
        notNull("df", df);
        Require.nonEmpty("points", points);
        List<GradientCheckResult.Entry> entries = new ArrayList<>();
        for (double x : points) {
            entries.add(entry("x = " + Matrix.format(x), df.applyAsDouble(x), derivative(f, x)));
        }
        return new GradientCheckResult(name, entries, tolerance);
    }

    /**
     * The derivative of an activation, checked at each point (keep points off its kinks).
     *
     * @param g the vector function
     * @param points the points to check at
     * @return one entry per point
     */
    public GradientCheckResult checkActivation(Activation g, double... points) {
        notNull("g", g);
        return checkDerivative(g.name() + "′", g::value, g::derivative, points);
    }

    /**
     * Compares the analytic gradient {@code grad(x)} with the numerical gradient of f at x.
     *
     * @param name what is checked, for the report
     * @param f the function
     * @param grad the analytic gradient of f
     * @param x the point
     * @return one entry per coordinate
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public GradientCheckResult checkGradient(String name, ToDoubleFunction<double[]> f,
                                             Function<double[], double[]> grad, double[] x) {
        notNull("grad", grad);
        double[] numeric = gradient(f, x);
        double[] analytic = grad.apply(x.clone());
        if (analytic == null || analytic.length != x.length) {
            throw new IllegalArgumentException("grad returned " + (analytic == null ? "null" : analytic.length
                    + " entries") + " for an x of " + x.length);
        }
        List<GradientCheckResult.Entry> entries = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            entries.add(entry("∂/∂x[" + i + "] at " + Matrix.format(x[i]), analytic[i], numeric[i]));
        }
        return new GradientCheckResult(name, entries, tolerance);
    }

    /**
     * Compares an analytic Jacobian with the numerical one, entry by entry.
     *
     * @param name what is checked, for the report
     * @param f the function
     * @param jacobian the analytic Jacobian of f, row-major
     * @param x the point
     * @return one entry per entry of the Jacobian
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public GradientCheckResult checkJacobian(String name, UnaryOperator<double[]> f,
                                             Function<double[], Matrix> jacobian, double[] x) {
        notNull("jacobian", jacobian);
        Matrix numeric = jacobian(f, x);
        Matrix analytic = jacobian.apply(x.clone());
        if (analytic == null || analytic.rows() != numeric.rows() || analytic.cols() != numeric.cols()) {
            throw new IllegalArgumentException("shape mismatch: the analytic Jacobian is "
                    + (analytic == null ? "null" : analytic.shape()) + " but f maps " + x.length
                    + " inputs to " + numeric.rows() + " outputs (" + numeric.shape() + ")");
        }
        List<GradientCheckResult.Entry> entries = new ArrayList<>();
        for (int i = 0; i < numeric.rows(); i++) {
            for (int j = 0; j < numeric.cols(); j++) {
                entries.add(entry("∂f[" + i + "]/∂x[" + j + "]", analytic.get(i, j), numeric.get(i, j)));
            }
        }
        return new GradientCheckResult(name, entries, tolerance);
    }

    /**
     * The gradient a {@link PointwiseLoss} returns for a batch against the numerical gradient of
     * its reduced value, with respect to the inputs.
     *
     * @param loss the loss
     * @param input the predictions
     * @param target the targets
     * @return one entry per input
     */
    public GradientCheckResult checkLoss(PointwiseLoss loss, double[] input, double[] target) {
        notNull("loss", loss);
        return checkGradient(loss.toString(), x -> loss.loss(x, target), x -> loss.gradient(x, target), input);
    }

    private static GradientCheckResult.Entry entry(String at, double analytic, double numeric) {
        return GradientCheckResult.Entry.of(at, analytic, numeric);
    }

    private static void notNull(String name, Object o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }

    @Override
    public String toString() {
        return "GradientCheck(tolerance " + org.softmaxcourse.numeric.Numbers.scientific(tolerance) + ", relative step "
                + org.softmaxcourse.numeric.Numbers.scientific(step)
                + ", Richardson-extrapolated central differences)";
    }
}
