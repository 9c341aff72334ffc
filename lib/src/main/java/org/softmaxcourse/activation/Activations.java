package org.softmaxcourse.activation;

import java.util.List;
import java.util.Locale;

/**
 * The activation zoo of the course (S3, S19, G3), each with its default parameters, so a notebook
 * can plot and tabulate all of them from their own metadata.
 *
 * <p>{@link Logit} is not in the zoo: it is the sigmoid's inverse, defined on [0, 1] only, not an
 * activation one plots over the real line. {@link Softmax} is not either: it maps a vector to a
 * vector.
 */
public final class Activations {
    private static final List<Activation> ZOO = List.of(
            Sigmoid.INSTANCE,
            HardSigmoid.INSTANCE,
            LogSigmoid.INSTANCE,
            Tanh.INSTANCE,
            Relu.INSTANCE,
            Relu6.INSTANCE,
            new LeakyRelu(),
            new PRelu(),
            new Elu(),
            Selu.INSTANCE,
            Softplus.INSTANCE,
            Swish.SILU,
            Mish.INSTANCE,
            Gelu.EXACT,
            Gelu.TANH);

    private Activations() {
    }

    /**
     * Sigmoid, hard sigmoid, log-sigmoid, tanh, ReLU, ReLU6, leaky ReLU (0.01), PReLU (0.25),
     * ELU (1), SELU, softplus (1), SiLU, Mish, GELU and GELU (tanh), in that order.
     *
     * @return the fifteen activations of the zoo, in the order above
     */
    public static List<Activation> zoo() {
        return ZOO;
    }

    /**
     * The four of the article's figure 10 that act element-wise: sigmoid, tanh, ReLU, leaky ReLU.
     *
     * @return the four of the article's figure 10 that act element-wise: sigmoid, tanh, ReLU, leaky ReLU
     */
    public static List<Activation> classic() {
        return List.of(Sigmoid.INSTANCE, Tanh.INSTANCE, Relu.INSTANCE, new LeakyRelu());
    }

    /**
     * The profile of each activation of the zoo, in order.
     *
     * @return the profile of each activation of the zoo, in order
     */
    public static List<ActivationProfile> profiles() {
        return ZOO.stream().map(Activation::profile).toList();
    }

    /**
     * The zoo member or {@link Logit} with this {@link Activation#name() name}, ignoring case
     * and any parameter in parentheses: {@code "relu"}, {@code "ELU"}, {@code "leaky relu"};
     * {@code "swish"} gives the SiLU.
     *
     * @param name the name, e.g. {@code "relu"}
     * @return the activation of that name
     * @throws IllegalArgumentException if an argument is invalid (the message names it and its value)
     */
    public static Activation byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name is null");
        }
        String wanted = bare(name);
        for (Activation a : ZOO) {
            if (bare(a.name()).equals(wanted)) {
                return a;
            }
        }
        if (wanted.equals("logit")) {
            return Logit.INSTANCE;
        }
        if (wanted.equals("swish")) {
            return Swish.SILU;
        }
        throw new IllegalArgumentException("name = \"" + name + "\" is not an activation of the zoo; known: "
                + ZOO.stream().map(Activation::name).toList() + " and logit");
    }

    private static String bare(String name) {
        int paren = name.indexOf(" (");
        String b = paren < 0 ? name : name.substring(0, paren);
        if (name.contains("tanh approximation")) {
            b += " tanh";
        }
        return b.trim().toLowerCase(Locale.ROOT);
    }
}
