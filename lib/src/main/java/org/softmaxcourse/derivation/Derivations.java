package org.softmaxcourse.derivation;

import java.util.List;

/**
 * The course's derivations D1–D11, each a {@link Derivation} whose steps are checked against the
 * library's own functions (so a derivation also tests the code that implements its result), and
 * the article's sign slip (G1) as a derivation that fails.
 *
 * <p>Each derivation is written in a class of its own in this package ({@code SigmoidDerivative}
 * for D2, {@code SoftmaxJacobian} for D8, …); every call builds a new one.
 */
public final class Derivations {
    private Derivations() {
    }

    /**
     * The derivations D1–D11, in order.
     *
     * @return a new list of eleven derivations
     */
    public static List<Derivation> all() {
        return List.of(BceFromBernoulliLikelihood.create(), SigmoidDerivative.create(), BceGradientThroughSigmoid.create(),
                SquaredErrorGradientThroughSigmoid.create(), Convexity.create(), SigmoidFromLogOdds.create(),
                TwoClassSoftmax.create(), SoftmaxJacobian.create(), CategoricalCrossEntropyFromLikelihood.create(),
                CrossEntropyDecomposition.create(), StableBceFromLogits.create());
    }

    /**
     * The derivation with this id.
     *
     * @param id "D1" … "D11", case-insensitive, surrounding blanks ignored
     * @return a new copy of that derivation
     * @throws IllegalArgumentException if {@code id} is null or names no derivation
     */
    public static Derivation byId(String id) {
        for (Derivation d : all()) {
            if (d.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("id = \"" + id + "\" is not a derivation: they are D1 to D11");
    }

    /**
     * The article's sign slip (G1) written as a derivation: "for y = 0, L = log(1 − ŷ)". Its one
     * step fails the check, at every input: the loss is −log(1 − ŷ). Not part of {@link #all()};
     * a notebook shows it failing.
     *
     * @return a new copy of the failing derivation, id "G1"
     */
    public static Derivation articleSignSlip() {
        return ArticleSignSlip.create();
    }
}
