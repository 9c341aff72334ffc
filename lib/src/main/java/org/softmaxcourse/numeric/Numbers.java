package org.softmaxcourse.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the course prints a number: the one formatting rule behind every {@code toString()}, table
 * and report, so that a reader sees {@code 0.9286} or {@code 92.9 %} rather than
 * {@code 0.9285714285714286}.
 *
 * <ul>
 *   <li>{@link #format}: 4 significant digits, trailing zeros dropped ({@code 0.1}, {@code 2.303});
 *       scientific below 10⁻⁴ and from 10⁶ on ({@code 2.2e-11}, {@code 1e-300}).</li>
 *   <li>{@link #probability}: as {@link #format}, but a probability within 10⁻⁴ of 1 is written
 *       {@code 1 − 2.2e-11}, so that a saturated sigmoid does not print as a certain {@code 1}.</li>
 *   <li>{@link #percent}: an accuracy or share as a percentage with one decimal ({@code 92.9 %},
 *       {@code 100 %}).</li>
 *   <li>{@link #scientific(double)}: a tolerance or a rounding error, 2 significant digits
 *       ({@code 4.4e-16}).</li>
 * </ul>
 *
 * <p>Full precision is for the places where precision is the lesson; there a notebook prints
 * {@code Double.toString} on purpose and says why.
 */
public final class Numbers {
    /** Significant digits of {@link #format}. */
    public static final int DIGITS = 4;

    private Numbers() {
    }

    /**
     * {@code x} with {@value #DIGITS} significant digits; see the class comment.
     *
     * @param x the number
     * @return its text, e.g. {@code 0.9286}
     */
    public static String format(double x) {
        return significant(x, DIGITS);
    }

    /**
     * {@code x} with {@code digits} significant digits, trailing zeros dropped; scientific below
     * 10⁻⁴ and from 10⁶ on.
     *
     * @param x      the number
     * @param digits significant digits, 1 to 17
     * @return its text
     * @throws IllegalArgumentException if {@code digits} is not 1 to 17
     */
    public static String significant(double x, int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits = " + digits + " must be 1 to 17");
        }
        String special = special(x);
        if (special != null) {
            return special;
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        double a = Math.abs(rounded.doubleValue());
        if (a >= 1e-4 && a < 1e6) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        return scientific(x, digits);
    }

    /**
     * {@code x} in scientific notation with {@code digits} significant digits, trailing zeros of
     * the mantissa dropped: {@code 2.2e-11}, {@code 1e-300}, {@code -3.5e20}.
     *
     * @param x      the number
     * @param digits significant digits, 1 to 17
     * @return its text
     * @throws IllegalArgumentException if {@code digits} is not 1 to 17
     */
    public static String scientific(double x, int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits = " + digits + " must be 1 to 17");
        }
        String special = special(x);
        if (special != null) {
            return special;
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /**
     * A tolerance or an error: {@link #scientific(double, int)} with 2 significant digits, 0 as
     * {@code 0}.
     *
     * @param x the number
     * @return its text, e.g. {@code 4.4e-16}
     */
    public static String scientific(double x) {
        return scientific(x, 2);
    }

    /**
     * A probability: {@link #format}, except that 1 − p is shown when p is within 10⁻⁴ of 1 but
     * not 1 ({@code 1 − 2.2e-11}), where 4 significant digits would round it to a certainty.
     *
     * @param p the probability
     * @return its text
     */
    public static String probability(double p) {
        if (p < 1 && p > 1 - 1e-4) {
            return "1 − " + significant(1 - p, 2);
        }
        return format(p);
    }

    /**
     * A vector, each entry with {@link #format}: {@code [0.659, 0.2424, 0.09857]}, as
     * {@code Arrays.toString} prints it but readable.
     *
     * @param values the entries
     * @return the vector's text
     * @throws IllegalArgumentException if {@code values} is null
     */
    public static String vector(double[] values) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(format(values[i]));
        }
        return sb.append(']').toString();
    }

    /**
     * A loss, a cost or an entropy: {@link #format}.
     *
     * @param x the loss
     * @return its text
     */
    public static String loss(double x) {
        return format(x);
    }

    /**
     * A share in [0, 1] (an accuracy, a fraction of inputs) as a percentage with one decimal,
     * {@code .0} dropped: 0.92857 → {@code 92.9 %}, 1 → {@code 100 %}. A share that is not 0 but
     * rounds to 0.0 % is shown as {@code < 0.1 %}; NaN as {@code NaN}.
     *
     * @param share the share, 1 for all
     * @return the percentage, e.g. {@code 92.9 %}
     */
    public static String percent(double share) {
        if (Double.isNaN(share)) {
            return "NaN";
        }
        if (share > 0 && share < 0.0005) {
            return "< 0.1 %";
        }
        String s = String.format(Locale.ROOT, "%.1f", 100 * share);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s + " %";
    }

    /**
     * Numbers of one column or one axis with one count of decimals, the fewest that tell them
     * apart and show each to {@code digits} significant digits (at most): {0, 0.25, 0.5} →
     * {@code 0.00, 0.25, 0.50}; {0, 2, 4} → {@code 0, 2, 4}. Scientific notation when the largest
     * magnitude is below 10⁻³ or from 10⁶ on.
     *
     * @param values the numbers
     * @param digits the most significant digits any of them is shown with
     * @return their texts, in order
     * @throws IllegalArgumentException if {@code values} is null
     */
    public static String[] aligned(double[] values, int digits) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        double max = 0;
        int decimals = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        boolean sci = max != 0 && (max < 1e-3 || max >= 1e6);
        String[] out = new String[values.length];
        if (sci) {
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] == 0 ? "0" : scientific(values[i], digits);
            }
            return out;
        }
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                decimals = Math.max(decimals, decimalsOf(v, digits));
            }
        }
        for (int i = 0; i < values.length; i++) {
            String special = special(values[i]);
            out[i] = special != null && values[i] != 0 ? special
                    : new BigDecimal(values[i]).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            if (out[i].startsWith("-") && out[i].matches("-0(\\.0*)?")) {
                out[i] = out[i].substring(1);
            }
        }
        return out;
    }

    /** The decimals the shortest form of {@code v} to at most {@code digits} significant digits needs. */
    static int decimalsOf(double v, int digits) {
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return Math.max(0, b.scale());
    }

    private static String special(double x) {
        if (x == 0) {
            return "0";
        }
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "-∞";
        }
        return null;
    }
}
