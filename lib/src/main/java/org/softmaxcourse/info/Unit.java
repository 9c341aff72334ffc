package org.softmaxcourse.info;

/**
 * The unit of information: the base of the logarithm. One nat is log₂ e ≈ 1.4427 bits; an event
 * of probability ½ carries 1 bit = ln 2 ≈ 0.6931 nats of surprise.
 */
public enum Unit {
    /** Natural logarithm: the unit of the losses and of the mathematics. */
    NATS("nats", 1.0),
    /** Logarithm base 2: the average code length of an optimal binary code. */
    BITS("bits", 1.4426950408889634074);

    private final String symbol;
    private final double perNat;

    Unit(String symbol, double perNat) {
        this.symbol = symbol;
        this.perNat = perNat;
    }

    /**
     * An amount of information given in nats, in this unit.
     *
     * @param nats an amount in nats
     * @return an amount of information given in nats, in this unit
     */
    public double fromNats(double nats) {
        return nats * perNat;
    }

    /**
     * An amount of information given in this unit, in nats.
     *
     * @param amount an amount in this unit
     * @return an amount of information given in this unit, in nats
     */
    public double toNats(double amount) {
        return amount / perNat;
    }

    /**
     * {@code "nats"} or {@code "bits"}.
     *
     * @return {@code "nats"} or {@code "bits"}
     */
    public String symbol() {
        return symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
