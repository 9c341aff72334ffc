package org.softmaxcourse.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest(name = "format({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "0.9285714285714286 | 0.9286",
        "1.3391278403619906 | 1.339",
        "0.1                | 0.1",
        "2.302585092994046  | 2.303",
        "100                | 100",
        "123456.7           | 123500",
        "1234567            | 1.235e6",
        "0.00012346         | 0.0001235",
        "2.1522339466173435E-11 | 2.152e-11",
        "1e-300             | 1e-300",
        "-0.3409988611140321 | -0.341",
        "0                  | 0",
        "NaN                | NaN",
        "Infinity           | ∞",
        "-Infinity          | -∞"})
    void formatKeepsFourSignificantDigits(double x, String expected) {
        assertEquals(expected, Numbers.format(x));
    }

    @ParameterizedTest(name = "probability({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "0.9525741268224334 | 0.9526",
        "0.9996646498695336 | 0.9997",
        "0.99999999997847   | 1 − 2.2e-11",
        "1                  | 1",
        "4.5395807735951673E-5 | 4.54e-5",
        "0.5                | 0.5"})
    void probabilityNearOneShowsTheGap(double p, String expected) {
        assertEquals(expected, Numbers.probability(p));
    }

    @ParameterizedTest(name = "percent({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "0.9285714285714286 | 92.9 %",
        "0.9666666666666667 | 96.7 %",
        "1                  | 100 %",
        "0                  | 0 %",
        "0.0001             | < 0.1 %",
        "0.5                | 50 %"})
    void percentHasOneDecimal(double share, String expected) {
        assertEquals(expected, Numbers.percent(share));
    }

    @Test
    void scientificDropsTrailingZerosAndPadding() {
        assertEquals("4.4e-16", Numbers.scientific(4.440892098500626e-16));
        assertEquals("1e-12", Numbers.scientific(1e-12));
        assertEquals("-3.5e20", Numbers.scientific(-3.5e20, 3));
        assertEquals("0", Numbers.scientific(0));
    }

    @Test
    void alignedUsesOneCountOfDecimals() {
        assertArrayEquals(new String[] {"0.00", "0.25", "0.50", "0.75", "1.00"},
                Numbers.aligned(new double[] {0, 0.25, 0.5, 0.75, 1}, 6));
        assertArrayEquals(new String[] {"-2", "0", "2", "4"}, Numbers.aligned(new double[] {-2, 0, 2, 4}, 6));
        // binary noise of a tick computed as 3 × 0.1 does not leak into the label
        assertArrayEquals(new String[] {"0.0", "0.1", "0.2", "0.3"},
                Numbers.aligned(new double[] {0, 0.1, 0.2, 0.30000000000000004}, 6));
        assertArrayEquals(new String[] {"0", "2e-4", "4e-4"}, Numbers.aligned(new double[] {0, 0.0002, 0.0004}, 2));
        assertArrayEquals(new String[] {"0"}, Numbers.aligned(new double[] {-0.0}, 6));
    }

    @Test
    void vectorFormatsEveryEntry() {
        assertEquals("[0.659, 0.2424, 0.09857]",
                Numbers.vector(new double[] {0.6590011388859679, 0.24243297070471392, 0.09856589040931818}));
        assertEquals("[]", Numbers.vector(new double[0]));
    }

    @Test
    void badDigitsAreNamed() {
        assertRejected(() -> Numbers.significant(1, 0), "digits = 0");
        assertRejected(() -> Numbers.scientific(1, 18), "digits = 18");
        assertRejected(() -> Numbers.aligned(null, 3), "values is null");
        assertRejected(() -> Numbers.vector(null), "values is null");
    }
}
