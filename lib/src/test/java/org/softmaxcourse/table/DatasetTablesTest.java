package org.softmaxcourse.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.softmaxcourse.testing.Rejects.assertRejected;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DatasetTablesTest {

    @Test
    void tableHasNamedColumnsLabelAndClass() {
        Table t = DatasetTables.iris();
        assertEquals("iris", t.name());
        assertEquals(150, t.rowCount());
        assertEquals(6, t.columnCount());
        assertEquals("petal width (cm)", t.column(3).name());
        assertEquals(0.2, t.doubleColumn("petal width (cm)").get(0));
        assertEquals(2, t.intColumn(DatasetTables.LABEL_COLUMN).get(149));
        assertEquals("virginica", t.stringColumn(DatasetTables.CLASS_COLUMN).get(149));
        assertEquals(32, DatasetTables.breastCancer().columnCount());
        assertEquals(66, DatasetTables.digits().columnCount());
    }

    @Test
    void featuresPrintWithFourSignificantDigits() {
        Table t = DatasetTables.breastCancer();
        // 17.99 mm, 0.1184 (smoothness): as measured, never 0.11840000000000001
        assertEquals("0.1184", t.doubleColumn("mean smoothness").getString(0));
    }

    @Test
    void nullIsRejected() {
        assertRejected(() -> DatasetTables.table(null), "data is null");
    }
}
