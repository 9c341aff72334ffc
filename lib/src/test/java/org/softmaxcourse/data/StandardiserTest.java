package org.softmaxcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.softmaxcourse.numeric.Matrix;

class StandardiserTest {

    @Test
    void usesMeanAndPopulationStandardDeviation() {
        Matrix x = Matrix.of(new double[] {1, 10}, new double[] {3, 10}, new double[] {5, 10});
        Standardiser s = Standardiser.fit(x);
        assertArrayEquals(new double[] {3, 10}, s.means());
        // √((4 + 0 + 4) / 3); the constant column gets scale 1 and is only centred.
        assertArrayEquals(new double[] {Math.sqrt(8.0 / 3), 1}, s.scales(), 1e-15);
        Matrix z = s.transform(x);
        assertEquals(-Math.sqrt(1.5), z.get(0, 0), 1e-15);
        assertEquals(0, z.get(2, 1));
        assertArrayEquals(x.data(), s.inverse(z).data(), 1e-14);
    }

    @Test
    void rejectsShapeMismatchAndNaN() {
        Standardiser s = Standardiser.fit(Matrix.of(new double[] {1, 2}, new double[] {2, 3}));
        assertEquals("shape mismatch: x is 1×3 but the standardiser was fitted on 2 columns",
                assertThrows(IllegalArgumentException.class,
                        () -> s.transform(Matrix.of(new double[] {1, 2, 3}))).getMessage());
        assertEquals("x[1][0] is NaN: every feature must be a finite number",
                assertThrows(IllegalArgumentException.class,
                        () -> Standardiser.fit(Matrix.of(new double[] {1}, new double[] {Double.NaN}))).getMessage());
        assertEquals("Standardiser over 2 columns: μ = [1.5, 2.5], s = [0.5, 0.5]", s.toString());
    }
}
