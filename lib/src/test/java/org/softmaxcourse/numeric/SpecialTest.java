package org.softmaxcourse.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxcourse.testing.Approx.assertNear;
import static org.softmaxcourse.testing.Approx.assertRel;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxcourse.testing.Approx;

class SpecialTest {

    /** x, erf(x), erfc(x): mpmath at 40 digits, rounded to 20. Either side of the 0.75 switch. */
    static Stream<Arguments> erfValues() {
        return Stream.of(
                Arguments.of(0.0, 0.0, 1.0),
                Arguments.of(1e-300, 1.1283791670955125739e-300, 1.0),
                Arguments.of(0.1, 0.1124629160182848922, 0.8875370839817151078),
                Arguments.of(0.5, 0.52049987781304653768, 0.47950012218695346232),
                Arguments.of(0.74, 0.70467807785474577767, 0.29532192214525422233),
                Arguments.of(0.76, 0.71753675280559084672, 0.28246324719440915328),
                Arguments.of(1.0, 0.84270079294971486934, 0.15729920705028513066),
                Arguments.of(1.5, 0.96610514647531072707, 0.033894853524689272933),
                Arguments.of(2.0, 0.99532226501895273416, 0.0046777349810472658379),
                Arguments.of(3.0, 0.99997790950300141456, 2.2090496998585441373e-5),
                Arguments.of(5.0, 0.99999999999846254021, 1.5374597944280348502e-12),
                Arguments.of(10.0, 1.0, 2.088487583762544757e-45),
                Arguments.of(20.0, 1.0, 5.3958656116079009289e-176),
                Arguments.of(26.0, 1.0, 5.6631924088561428465e-296),
                Arguments.of(-0.5, -0.52049987781304653768, 1.5204998778130465377),
                Arguments.of(-1.0, -0.84270079294971486934, 1.8427007929497148693),
                Arguments.of(-3.0, -0.99997790950300141456, 1.9999779095030014146));
    }

    @ParameterizedTest(name = "erf({0}) = {1}")
    @MethodSource("erfValues")
    void erfAndErfc(double x, double erf, double erfc) {
        assertRel(erf, Special.erf(x), 5e-15, "erf(" + x + ")");
        assertRel(erfc, Special.erfc(x), 5e-15, "erfc(" + x + ")");
    }

    /** x, Φ(x), φ(x): mpmath at 40 digits. */
    static Stream<Arguments> normalValues() {
        return Stream.of(
                Arguments.of(-30.0, 4.9067139271481870595e-198, 1.473646134878547519e-196),
                Arguments.of(-10.0, 7.619853024160526066e-24, 7.6945986267064193463e-23),
                Arguments.of(-3.0, 0.0013498980316300945267, 0.0044318484119380071756),
                Arguments.of(-1.0, 0.15865525393145705141, 0.2419707245191433498),
                Arguments.of(0.0, 0.5, 0.39894228040143267794),
                Arguments.of(0.5, 0.69146246127401310364, 0.35206532676429947777),
                Arguments.of(1.0, 0.84134474606854294859, 0.2419707245191433498),
                Arguments.of(3.0, 0.99865010196836990547, 0.0044318484119380071756),
                Arguments.of(8.3, 0.99999999999999994794, 4.3816394355093585626e-16));
    }

    @ParameterizedTest(name = "Φ({0}) = {1}")
    @MethodSource("normalValues")
    void normal(double x, double cdf, double pdf) {
        // x/√2 is rounded before erfc sees it; in the far tail that costs ~x²·1e-16 relative.
        assertRel(cdf, Special.normalCdf(x), 1e-15 * Math.max(5, x * x), "Φ(" + x + ")");
        assertRel(pdf, Special.normalPdf(x), 1e-15 * Math.max(2, x * x / 10), "φ(" + x + ")");
    }

    @Test
    void identitiesOverRandomArguments() {
        Random r = new Random(50);
        for (int i = 0; i < 5000; i++) {
            double x = (r.nextDouble() - 0.5) * 12;
            assertEquals(-Special.erf(x), Special.erf(-x), 0.0, "odd at " + x);
            assertEquals(1.0, Special.erf(x) + Special.erfc(x), 4.5e-16, "erf + erfc at " + x);
            assertEquals(2.0, Special.erfc(x) + Special.erfc(-x), 4.5e-16, "erfc(x) + erfc(−x) at " + x);
            assertEquals(1.0, Special.normalCdf(x) + Special.normalCdf(-x), 4.5e-16, "Φ(x) + Φ(−x) at " + x);
        }
    }

    @Test
    void derivativesAreTheDensities() {
        Random r = new Random(51);
        for (int i = 0; i < 300; i++) {
            double x = (r.nextDouble() - 0.5) * 8;
            assertNear(Approx.derivative(Special::normalCdf, x), Special.normalPdf(x), 1e-10, "Φ′ = φ at " + x);
            assertNear(Approx.derivative(Special::erf, x), 1.1283791670955126 * Math.exp(-x * x), 1e-10,
                    "erf′ at " + x);
        }
    }

    @Test
    void limitsAndNaN() {
        assertEquals(1.0, Special.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Special.erf(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Special.erfc(Double.POSITIVE_INFINITY));
        assertEquals(2.0, Special.erfc(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Special.erfc(30));
        assertEquals(0.0, Special.normalCdf(-40));
        assertEquals(1.0, Special.normalCdf(40));
        assertEquals(0.0, Special.normalPdf(1e300));
        assertEquals(0.0, Special.normalPdf(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Special.erf(Double.NaN)));
        assertTrue(Double.isNaN(Special.erfc(Double.NaN)));
        assertTrue(Double.isNaN(Special.normalCdf(Double.NaN)));
        assertTrue(Double.isNaN(Special.normalPdf(Double.NaN)));
    }
}
