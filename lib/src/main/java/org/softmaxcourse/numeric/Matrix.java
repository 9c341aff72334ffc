package org.softmaxcourse.numeric;

import java.util.Arrays;

/**
 * A dense matrix of doubles stored row-major in one array: a batch of samples, one per row
 * (logits, probabilities, one-hot targets, features).
 *
 * <p>One flat array rather than {@code double[][]} keeps every row next to the previous one in
 * memory, which is what the batch loops of the library walk through. {@link #of(double[][])}
 * copies its input; {@link #wrap(int, int, double[])} does not, and {@link #data()} hands out the
 * live array, for code that fills or reads a matrix in bulk. The library never changes a matrix
 * it was given.
 */
public final class Matrix {
    private static final int SHOWN_ROWS = 8;
    private static final int SHOWN_COLS = 10;

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * A copy of {@code rows}, which must all have the same, non-zero length.
     *
     * @param rows the rows, one array each
     * @return a new matrix holding a copy of the rows
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static Matrix of(double[]... rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows is null");
        }
        if (rows.length == 0) {
            return new Matrix(0, 0, new double[0]);
        }
        int cols = rows[0] == null ? 0 : rows[0].length;
        if (cols == 0) {
            throw new IllegalArgumentException("rows[0] is empty: a matrix needs at least one column");
        }
        double[] data = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != cols) {
                throw new IllegalArgumentException("ragged rows: rows[0] has " + cols + " entries but rows["
                        + i + "] has " + (rows[i] == null ? "none (null)" : rows[i].length));
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Matrix(rows.length, cols, data);
    }

    /**
     * A matrix over {@code data} (row-major, not copied) of the given shape.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param data the entries, row-major: (i, j) at {@code i * cols + j}
     * @return a matrix over {@code data} (row-major, not copied) of the given shape
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static Matrix wrap(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("shape " + rows + "×" + cols + " is not a matrix shape");
        }
        if (data == null || data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data has " + (data == null ? "no" : data.length)
                    + " entries, a " + rows + "×" + cols + " matrix needs " + (long) rows * cols);
        }
        return new Matrix(rows, cols, data);
    }

    /**
     * A new matrix of zeros.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @return a new matrix of zeros
     */
    public static Matrix zeros(int rows, int cols) {
        return wrap(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /**
     * The one-hot encoding of {@code labels}: row {@code i} is all zeros but a 1 in column
     * {@code labels[i]}.
     *
     * @param labels class labels
     * @param classes the number of classes C
     * @return the one-hot encoding of {@code labels}
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static Matrix oneHot(int[] labels, int classes) {
        Require.nonEmpty("labels", labels);
        if (classes < 1) {
            throw new IllegalArgumentException("classes = " + classes + " must be at least 1");
        }
        Require.labels("labels", labels, classes);
        Matrix m = zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            m.data[i * classes + labels[i]] = 1.0;
        }
        return m;
    }

    /**
     * The number of rows.
     *
     * @return the number of rows, one per sample
     */
    public int rows() {
        return rows;
    }

    /**
     * The number of columns.
     *
     * @return the number of columns, at least 1
     */
    public int cols() {
        return cols;
    }

    /**
     * The shape as text, e.g. {@code "3×5"}.
     *
     * @return the shape as text
     */
    public String shape() {
        return rows + "×" + cols;
    }

    /**
     * One entry.
     *
     * @param row the row index
     * @param col the column index
     * @return the entry (row, col)
     * @throws IllegalArgumentException if an index is outside the matrix
     */
    public double get(int row, int col) {
        checkRow(row);
        if (col < 0 || col >= cols) {
            throw new IllegalArgumentException("col = " + col + " is outside 0.." + (cols - 1));
        }
        return data[row * cols + col];
    }

    /**
     * A copy of row {@code row}.
     *
     * @param row the row index
     * @return a copy of row {@code row}
     */
    public double[] row(int row) {
        checkRow(row);
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    /**
     * A copy as {@code double[rows][cols]}.
     *
     * @return a copy as {@code double[rows][cols]}
     */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /**
     * The live row-major array: entry (i, j) is at {@code i * cols() + j}.
     *
     * @return the live row-major array: entry (i, j) is at {@code i * cols() + j}
     */
    public double[] data() {
        return data;
    }

    /**
     * The sum of each row.
     *
     * @return the sum of each row
     */
    public double[] rowSums() {
        double[] sums = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += data[i * cols + j];
            }
            sums[i] = s;
        }
        return sums;
    }

    /**
     * The column index of the largest entry in each row (the first one on a tie).
     *
     * @return the column index of the largest entry in each row (the first one on a tie)
     */
    public int[] argmaxPerRow() {
        int[] best = new int[rows];
        for (int i = 0; i < rows; i++) {
            int b = 0;
            for (int j = 1; j < cols; j++) {
                if (data[i * cols + j] > data[i * cols + b]) {
                    b = j;
                }
            }
            best[i] = b;
        }
        return best;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IllegalArgumentException("row = " + row + " is outside 0.." + (rows - 1));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** The shape, then the rows (the first and last few of a large matrix), 4 significant digits. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix ").append(shape());
        int shownRows = rows <= SHOWN_ROWS ? rows : SHOWN_ROWS - 2;
        for (int i = 0; i < rows; i++) {
            if (i == shownRows && rows > SHOWN_ROWS) {
                sb.append("\n  … ").append(rows - SHOWN_ROWS).append(" more rows …");
                i = rows - 2;
            }
            sb.append("\n  [");
            for (int j = 0; j < cols; j++) {
                if (j == SHOWN_COLS - 2 && cols > SHOWN_COLS) {
                    // The first 8 and the last 2 columns, like the rows.
                    sb.append(", …");
                    j = cols - 3;
                    continue;
                }
                sb.append(j == 0 ? "" : ", ").append(format(data[i * cols + j]));
            }
            sb.append(']');
        }
        return sb.toString();
    }

    /**
     * A number with 4 significant digits, trailing zeros dropped: 0.1, 2.303, 1e-300 (see
     * {@link Numbers#format}).
     *
     * @param x the number
     * @return its text
     */
    public static String format(double x) {
        return Numbers.format(x);
    }
}
