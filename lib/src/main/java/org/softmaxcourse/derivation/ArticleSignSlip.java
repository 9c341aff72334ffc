package org.softmaxcourse.derivation;

import java.util.function.DoubleUnaryOperator;
import org.softmaxcourse.numeric.Matrix;

import static org.softmaxcourse.derivation.Inputs.*;

/**
 * The article's sign slip (G1) written as a derivation: "for y = 0, L = log(1 − ŷ)". Its one
 * step fails the check, at every input: the loss is −log(1 − ŷ). Not part of {@link Derivations#all()};
 * a notebook shows it failing.
 */
final class ArticleSignSlip {
    private ArticleSignSlip() {
    }

    /** Builds the derivation: its steps and their numeric checks. */
    static Derivation create() {
        DoubleUnaryOperator slip = p -> Math.log(1 - p);
        return Derivation.builder("G1", "The article's sign slip, caught")
                .cites("G1", "S10")
                .intro("The article reads the cross-entropy case by case and writes, for y = 0, L = log(1 − ŷ). The check "
                        + "compares that with the library's binary cross-entropy at y = 0 and fails: the loss is "
                        + "−log(1 − ŷ), positive, small when ŷ is small.")
                .step("the case y = 0, as the article writes it",
                        "y = 0:\\quad L(\\hat y, 0) = \\log(1 - \\hat y)",
                        "Set y = 0 in the cross-entropy (the article's version, with the sign lost).",
                        StepCheck.scalar(r -> uniform(r, 0.01, 0.99), p -> BCE_P.loss(p, 0), slip::applyAsDouble)
                                .edge("ŷ = 0.2", 0.2).describedBy(p -> "ŷ = " + Matrix.format(p)))
                .build();
    }
}
