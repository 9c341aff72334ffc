package org.softmaxcourse.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import org.junit.jupiter.api.Test;

class MatrixTest {

    @Test
    void ofCopiesAndKeepsRowMajorOrder() {
        double[] first = {1, 2, 3};
        Matrix m = Matrix.of(first, new double[] {4, 5, 6});
        first[0] = 99;
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertEquals("2×3", m.shape());
        assertEquals(1.0, m.get(0, 0));
        assertEquals(6.0, m.get(1, 2));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.data());
        assertArrayEquals(new double[] {4, 5, 6}, m.row(1));
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, m.toArray());
        assertArrayEquals(new double[] {6, 15}, m.rowSums());
    }

    @Test
    void oneHotAndArgmax() {
        Matrix m = Matrix.oneHot(new int[] {2, 0}, 3);
        assertEquals(Matrix.of(new double[] {0, 0, 1}, new double[] {1, 0, 0}), m);
        assertArrayEquals(new int[] {2, 0}, m.argmaxPerRow());
        assertArrayEquals(new int[] {0}, Matrix.of(new double[] {5, 5, 1}).argmaxPerRow(), "first on a tie");
    }

    @Test
    void equalityAndHash() {
        Matrix a = Matrix.of(new double[] {1, 2});
        assertEquals(a, Matrix.wrap(1, 2, new double[] {1, 2}));
        assertEquals(a.hashCode(), Matrix.wrap(1, 2, new double[] {1, 2}).hashCode());
        assertNotEquals(a, Matrix.wrap(2, 1, new double[] {1, 2}));
    }

    @Test
    void readableToString() {
        String s = Matrix.of(new double[] {0.1, 2.302585, 1e-300}, new double[] {Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}).toString();
        assertEquals("Matrix 2×3\n  [0.1, 2.303, 1e-300]\n  [NaN, ∞, -∞]", s);
        String big = Matrix.zeros(20, 3).toString();
        assertTrue(big.contains("… 12 more rows …"), big);
        assertEquals(1 + 8 + 1, big.split("\n").length, big);
        double[] wide = new double[15];
        for (int j = 0; j < wide.length; j++) {
            wide[j] = j;
        }
        assertEquals("Matrix 1×15\n  [0, 1, 2, 3, 4, 5, 6, 7, …, 13, 14]", Matrix.of(wide).toString());
    }

    @Test
    void badInput() {
        assertRejected(() -> Matrix.of(new double[] {1, 2}, new double[] {3}), "ragged", "rows[1] has 1");
        assertRejected(() -> Matrix.of(new double[0]), "rows[0] is empty");
        assertRejected(() -> Matrix.of((double[][]) null), "rows is null");
        assertRejected(() -> Matrix.wrap(2, 2, new double[3]), "3", "2×2", "4");
        assertRejected(() -> Matrix.wrap(1, 0, new double[0]), "shape 1×0");
        assertRejected(() -> Matrix.oneHot(new int[] {0, 5}, 3), "labels[1] = 5");
        assertRejected(() -> Matrix.oneHot(new int[] {0}, 0), "classes = 0");
        assertRejected(() -> Matrix.oneHot(new int[0], 2), "labels", "empty");
        Matrix m = Matrix.zeros(2, 2);
        assertRejected(() -> m.get(2, 0), "row = 2", "0..1");
        assertRejected(() -> m.get(0, -1), "col = -1");
        assertRejected(() -> m.row(5), "row = 5");
    }
}
