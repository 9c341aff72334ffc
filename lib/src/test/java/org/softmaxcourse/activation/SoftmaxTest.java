package org.softmaxcourse.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Approx.assertNear;
import static org.softmaxcourse.testing.Approx.assertRel;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.numeric.Matrix;
import org.softmaxcourse.testing.Approx;

class SoftmaxTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** z, softmax(z), log-softmax(z), logsumexp(z): mpmath at 40 digits, rounded to 20. */
    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of(new double[] {1, 2, 3},
                        new double[] {0.090030573170380457998, 0.24472847105479765247, 0.66524095577482188953},
                        new double[] {-2.4076059644443803045, -1.4076059644443803045, -0.40760596444438030448},
                        3.4076059644443803045),
                Arguments.of(new double[] {0, 0}, new double[] {0.5, 0.5},
                        new double[] {-0.69314718055994530942, -0.69314718055994530942}, 0.69314718055994530942),
                Arguments.of(new double[] {7}, new double[] {1}, new double[] {0}, 7.0),
                // log(1 + e^−40): the small term survives because the sum is written as 1 + rest.
                Arguments.of(new double[] {0, -40}, new double[] {1, 4.2483542552915889773e-18},
                        new double[] {-4.2483542552915889863e-18, -40.0}, 4.2483542552915889863e-18),
                Arguments.of(new double[] {1000, 0}, new double[] {1, 0}, new double[] {0, -1000}, 1000.0),
                Arguments.of(new double[] {-1000, -1000}, new double[] {0.5, 0.5},
                        new double[] {-0.69314718055994530942, -0.69314718055994530942}, -999.30685281944005469));
    }

    @ParameterizedTest(name = "softmax({0})")
    @MethodSource("knownValues")
    void knownValues(double[] z, double[] p, double[] logP, double lse) {
        double[] got = Softmax.softmax(z);
        double[] gotLog = Softmax.logSoftmax(z);
        for (int i = 0; i < z.length; i++) {
            assertRel(p[i], got[i], 1e-15, "softmax[" + i + "]");
            assertRel(logP[i], gotLog[i], 1e-15, "logSoftmax[" + i + "]");
        }
        assertRel(lse, Softmax.logSumExp(z), 1e-15, "logsumexp");
    }

    @Test
    void rowsSumToOneAndLogSoftmaxIsLogOfSoftmax() {
        Random r = new Random(7);
        for (int t = 0; t < 500; t++) {
            int c = 1 + r.nextInt(12);
            double[] z = randomScores(r, c, 30);
            double[] p = Softmax.softmax(z);
            double[] logP = Softmax.logSoftmax(z);
            double sum = 0;
            for (int j = 0; j < c; j++) {
                assertTrue(p[j] >= 0 && p[j] <= 1, "p[" + j + "] = " + p[j]);
                sum += p[j];
                assertNear(Math.log(p[j]), logP[j], 1e-13, "log softmax[" + j + "]");
            }
            assertEquals(1.0, sum, 1e-14, "Σ softmax");
        }
    }

    @Test
    void invariantUnderAddingAConstant() {
        // Scores on a grid of 1/8 and integer shifts keep z + c exact, so the results must agree
        // to the bit for softmax and to rounding of the final addition for logsumexp.
        Random r = new Random(8);
        for (int t = 0; t < 300; t++) {
            int c = 2 + r.nextInt(6);
            double[] z = new double[c];
            for (int j = 0; j < c; j++) {
                z[j] = (r.nextInt(161) - 80) / 8.0;
            }
            for (double shift : new double[] {-1000, -3, 500, 1e4}) {
                double[] zs = z.clone();
                for (int j = 0; j < c; j++) {
                    zs[j] += shift;
                }
                assertArrayEquals(Softmax.softmax(z), Softmax.softmax(zs), 0.0, "shift " + shift);
                assertArrayEquals(Softmax.logSoftmax(z), Softmax.logSoftmax(zs), 0.0, "shift " + shift);
                // lse(z) + c rounds once at the magnitude of its larger term.
                double lse = Softmax.logSumExp(z);
                assertEquals(lse + shift, Softmax.logSumExp(zs),
                        2 * Math.ulp(Math.abs(lse) + Math.abs(shift)), "shift " + shift);
            }
        }
    }

    @Test
    void gradientOfLogSumExpIsSoftmaxAndLogSoftmaxJacobianIsDeltaMinusP() {
        Random r = new Random(9);
        for (int t = 0; t < 100; t++) {
            int c = 2 + r.nextInt(5);
            double[] z = randomScores(r, c, 10);
            double[] p = Softmax.softmax(z);
            for (int j = 0; j < c; j++) {
                int jj = j;
                double fd = Approx.derivative(x -> Softmax.logSumExp(with(z, jj, x)), z[j]);
                assertNear(fd, p[j], 1e-9, "∂lse/∂z" + j);
                for (int i = 0; i < c; i++) {
                    int ii = i;
                    double dLog = Approx.derivative(x -> Softmax.logSoftmax(with(z, jj, x))[ii], z[j]);
                    assertNear(fd(i == j) - p[j], dLog, 1e-9, "∂log p" + i + "/∂z" + j);
                    double dP = Approx.derivative(x -> Softmax.softmax(with(z, jj, x))[ii], z[j]);
                    assertNear(p[i] * (fd(i == j) - p[j]), dP, 1e-9, "∂p" + i + "/∂z" + j);
                }
            }
        }
    }

    @Test
    void twoClassSoftmaxIsSigmoidOfTheDifference() {
        Random r = new Random(10);
        for (int t = 0; t < 1000; t++) {
            double a = (r.nextDouble() - 0.5) * 40;
            double b = (r.nextDouble() - 0.5) * 40;
            assertRel(Sigmoid.sigmoid(a - b), Softmax.softmax(new double[] {a, b})[0], 1e-13, "p0");
        }
    }

    @Test
    void extremes() {
        assertArrayEquals(new double[] {1, 0}, Softmax.softmax(new double[] {1000, 0}));
        assertArrayEquals(new double[] {0, -1000}, Softmax.logSoftmax(new double[] {1000, 0}));
        assertArrayEquals(new double[] {-1e4, 0}, Softmax.logSoftmax(new double[] {-1e4, 0}));
        assertEquals(Double.NEGATIVE_INFINITY, Softmax.logSumExp(new double[] {-INF, -INF}));
        assertEquals(INF, Softmax.logSumExp(new double[] {INF, 0}));
        assertEquals(0.0, Softmax.logSumExp(new double[] {-INF, 0}));
        assertArrayEquals(new double[] {1, 0}, Softmax.softmax(new double[] {INF, 0}));
        assertArrayEquals(new double[] {0.5, 0.5, 0}, Softmax.softmax(new double[] {INF, INF, 0}));
        assertArrayEquals(new double[] {-Math.log(2), -Math.log(2), -INF},
                Softmax.logSoftmax(new double[] {INF, INF, 0}));
        assertArrayEquals(new double[] {0, 1}, Softmax.softmax(new double[] {-INF, 0}));
        assertArrayEquals(new double[] {-INF, 0}, Softmax.logSoftmax(new double[] {-INF, 0}));
        assertArrayEquals(new double[] {0.5, 0.5}, Softmax.softmax(new double[] {1e-300, -1e-300}));
    }

    @Test
    void undefinedAndNaNRowsComeOutNaN() {
        // softmax of all −∞ is 0/0: documented to be NaN. A NaN score spoils its row.
        for (double v : Softmax.softmax(new double[] {-INF, -INF})) {
            assertTrue(Double.isNaN(v));
        }
        for (double v : Softmax.logSoftmax(new double[] {1, Double.NaN})) {
            assertTrue(Double.isNaN(v));
        }
        assertTrue(Double.isNaN(Softmax.logSumExp(new double[] {Double.NaN, 1})));
    }

    @Test
    void batchIsRowByRow() {
        Random r = new Random(11);
        double[][] rows = new double[5][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = randomScores(r, 4, 20);
        }
        rows[2] = new double[] {1000, 0, -1000, 3};
        Matrix z = Matrix.of(rows);
        Matrix p = Softmax.softmax(z);
        Matrix logP = Softmax.logSoftmax(z);
        double[] lse = Softmax.logSumExp(z);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(Softmax.softmax(rows[i]), p.row(i), 0.0);
            assertArrayEquals(Softmax.logSoftmax(rows[i]), logP.row(i), 0.0);
            assertEquals(Softmax.logSumExp(rows[i]), lse[i], 0.0);
        }
        for (double s : p.rowSums()) {
            assertEquals(1.0, s, 1e-15);
        }
    }

    @Test
    void temperature() {
        double[] z = {1, 2, 3};
        assertArrayEquals(Softmax.softmax(z), Softmax.softmax(z, 1.0), 0.0);
        assertArrayEquals(Softmax.softmax(new double[] {0.5, 1, 1.5}), Softmax.softmax(z, 2.0), 1e-16);
        assertArrayEquals(Softmax.logSoftmax(new double[] {10, 20, 30}), Softmax.logSoftmax(z, 0.1), 1e-13);
        // T → 0 is the argmax; T → ∞ the uniform distribution.
        assertArrayEquals(new double[] {0, 0, 1}, Softmax.softmax(z, 1e-3), 1e-300);
        assertArrayEquals(new double[] {0, 0, 1}, Softmax.softmax(z, Double.MIN_VALUE), 0.0);
        double third = 1.0 / 3;
        assertArrayEquals(new double[] {third, third, third}, Softmax.softmax(z, 1e12), 1e-11);
        Matrix batch = Matrix.of(z, new double[] {0, 0, 1});
        assertArrayEquals(Softmax.softmax(z, 3.0), Softmax.softmax(batch, 3.0).row(0), 0.0);
        Matrix far = Matrix.of(new double[] {1000, 0}, new double[] {0, 1});
        assertArrayEquals(new double[] {1, 0, 0, 1}, Softmax.softmax(far, 1e-310).data(), 0.0,
                "each row is shifted by its own maximum");
        assertRejected(() -> Softmax.softmax(z, 0.0), "temperature = 0.0");
        assertRejected(() -> Softmax.softmax(z, -1.0), "temperature = -1.0");
        assertRejected(() -> Softmax.logSoftmax(z, Double.NaN), "temperature = NaN");
        assertRejected(() -> Softmax.softmax(new double[0], 2.0), "z is empty");
    }

    @Test
    void jacobianIsDiagPMinusPPTransposeAndMatchesFiniteDifferences() {
        Random r = new Random(12);
        for (int t = 0; t < 100; t++) {
            int c = 1 + r.nextInt(6);
            double[] z = randomScores(r, c, 10);
            double temperature = 0.5 + 2 * r.nextDouble();
            Matrix j = Softmax.jacobian(z, temperature);
            assertEquals(c + "×" + c, j.shape());
            double[] p = Softmax.softmax(z, temperature);
            for (int a = 0; a < c; a++) {
                double rowSum = 0;
                for (int b = 0; b < c; b++) {
                    int aa = a;
                    int bb = b;
                    double fd = Approx.derivative(x -> Softmax.softmax(with(z, bb, x), temperature)[aa], z[b]);
                    assertNear(fd, j.get(a, b), 1e-9, "∂p" + a + "/∂z" + b);
                    // The formula in doubles, which rounds (and cancels on the diagonal); the
                    // Jacobian itself is checked to the last bit against mpmath in DerivativeUlpTest.
                    assertEquals(((a == b ? p[a] : 0) - p[a] * p[b]) / temperature, j.get(a, b), 1e-15);
                    assertEquals(j.get(b, a), j.get(a, b), 0.0, "symmetric");
                    rowSum += j.get(a, b);
                }
                assertEquals(0.0, rowSum, 1e-15, "row " + a + " sums to 0");
            }
        }
        assertEquals(Softmax.jacobian(new double[] {1, 2}), Softmax.jacobian(new double[] {1, 2}, 1.0));
        Approx.assertNoNaN(Softmax.jacobian(new double[] {1000, 0, -1000}).data(), "Jacobian at extremes");
    }

    @Test
    void backwardIsTheJacobianTimesTheUpstreamGradient() {
        Random r = new Random(13);
        for (int t = 0; t < 100; t++) {
            int c = 1 + r.nextInt(6);
            double[] z = randomScores(r, c, 10);
            double[] g = randomScores(r, c, 4);
            Matrix j = Softmax.jacobian(z);
            double[] back = Softmax.backward(z, g);
            for (int b = 0; b < c; b++) {
                double expected = 0;
                for (int a = 0; a < c; a++) {
                    expected += j.get(a, b) * g[a];
                }
                assertEquals(expected, back[b], 1e-14, "(Jᵀg)" + b);
            }
        }
        assertRejected(() -> Softmax.backward(new double[] {1, 2}, new double[] {1}), "shape mismatch",
                "z has 2", "upstream has 1");
        assertArrayEquals(new double[] {0, 0}, Softmax.backward(new double[] {1000, 0}, new double[] {5, 1e300}));
    }

    @Test
    void badInput() {
        assertRejected(() -> Softmax.softmax(new double[0]), "z", "empty");
        assertRejected(() -> Softmax.logSoftmax((double[]) null), "z", "null");
        assertRejected(() -> Softmax.logSumExp(new double[0]), "z", "empty");
        assertRejected(() -> Softmax.softmax(Matrix.of()), "z", "no rows");
    }

    private static double[] randomScores(Random r, int c, double spread) {
        double[] z = new double[c];
        for (int j = 0; j < c; j++) {
            z[j] = (r.nextDouble() - 0.5) * spread;
        }
        return z;
    }

    private static double[] with(double[] z, int j, double x) {
        double[] c = z.clone();
        c[j] = x;
        return c;
    }

    private static double fd(boolean delta) {
        return delta ? 1.0 : 0.0;
    }
}
