package org.softmaxcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxcourse.numeric.Matrix;

class DatasetsTest {

    @Test
    void breastCancerHasItsDocumentedShapeAndClasses() {
        Dataset bc = Datasets.breastCancer();
        assertEquals(569, bc.size());
        assertEquals(30, bc.featureCount());
        assertEquals(List.of("malignant", "benign"), bc.classNames());
        assertArrayEquals(new int[] {212, 357}, bc.classCounts());
        assertEquals("mean radius", bc.featureNames().get(0));
        assertEquals("radius error", bc.featureNames().get(10));
        assertEquals("worst fractal dimension", bc.featureNames().get(29));
        // The first sample of the file: 17.99, 10.38, …, label 0.
        assertEquals(17.99, bc.features().get(0, 0));
        assertEquals(0.1189, bc.features().get(0, 29));
        assertEquals(0, bc.labels()[0]);
    }

    @Test
    void irisAndDigitsHaveTheirDocumentedShapes() {
        Dataset iris = Datasets.iris();
        assertEquals(150, iris.size());
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
        assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
                iris.featureNames());
        assertEquals(5.1, iris.features().get(0, 0));

        Dataset digits = Datasets.digits();
        assertEquals(1797, digits.size());
        assertEquals(64, digits.featureCount());
        assertEquals(10, digits.classCount());
        assertEquals("pixel_7_7", digits.featureNames().get(63));
        assertEquals(0, digits.labels()[0]);
        for (double v : digits.features().data()) {
            assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "pixel " + v);
        }
    }

    @Test
    void selectingFeaturesAndRowsKeepsNames() {
        Dataset iris = Datasets.iris();
        Dataset petals = iris.withFeatures("petal length (cm)", "petal width (cm)");
        assertEquals(List.of("petal length (cm)", "petal width (cm)"), petals.featureNames());
        assertEquals(1.4, petals.features().get(0, 0));
        Dataset two = iris.rows(new int[] {149, 0});
        assertArrayEquals(new int[] {2, 0}, two.labels());
        assertEquals(5.9, two.features().get(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> iris.withFeatures("petal colour"));
        assertTrue(e.getMessage().contains("petal colour"), e.getMessage());
        assertTrue(iris.toString().contains("150 samples × 4 features, 3 classes (setosa 50"), iris.toString());
    }

    @Test
    void labelsCannotBeChangedThroughTheDataset() {
        Dataset iris = Datasets.iris();
        iris.labels()[0] = 2;
        assertEquals(0, iris.labels()[0]);
    }

    private static Dataset read(String csv, boolean header) throws Exception {
        return Datasets.readCsv("toy", new StringReader(csv), header, List.of("a", "b"), List.of("no", "yes"));
    }

    @Test
    void readsAWellFormedFile() throws Exception {
        Dataset toy = read("2,2,no,yes\n1.5,2,0\n3,-4e-1,1\n", true);
        assertEquals(Matrix.of(new double[] {1.5, 2}, new double[] {3, -0.4}), toy.features());
        assertArrayEquals(new int[] {0, 1}, toy.labels());
    }

    @Test
    void raggedRowsAreRejectedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("2,2,no,yes\n1,2,0\n3,1\n", true));
        assertEquals("ragged rows: toy line 3 has 2 fields, expected 3 (2 features and the label)", e.getMessage());
    }

    @Test
    void badFieldsAreRejectedWithLineAndField() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> read("1,NaN,0\n", false));
        assertEquals("toy line 1 field 2 (b) is NaN: every feature must be a finite number", nan.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> read("1,x,0\n", false));
        assertEquals("toy line 1 field 2 (b) is \"x\", not a number", word.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> read("1,2,2\n", false));
        assertEquals("toy line 1: label = 2 is not a class label: with 2 classes labels run from 0 to 1",
                label.getMessage());
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> read("3,2,no,yes\n1,2,0\n", true));
        assertEquals("toy line 1 declares 3 samples but 1 follow", header.getMessage());
    }

    @Test
    void datasetRejectsNonFiniteFeatures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("toy", Matrix.of(new double[] {1, Double.NaN}), new int[] {0},
                        List.of("a", "b"), List.of("no", "yes")));
        assertEquals("features[0][1] is NaN: every feature must be a finite number", e.getMessage());
    }
}
