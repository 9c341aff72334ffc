#!/usr/bin/python3
"""Correctly rounded reference values for the activations, their derivatives, the losses, the
softmax Jacobian and backward pass, and the information measures (issues 8 and 16).

Run from the repository root with any Python 3 that has mpmath 1.x (Debian's python3-mpmath, or
pip install mpmath):

    python3 lib/src/test/python/mpmath_reference.py

It rewrites lib/src/test/resources/org/softmaxcourse/reference/*.csv (scalar, rows, vector,
derivative, softmax_cases, softmax_derivative, measure); the JUnit tests ReferenceUlpTest and
DerivativeUlpTest read them (no Python needed to run the tests). The output is deterministic.

Every value is computed twice, at 50 and at 80 significant digits, with formulas that do not
cancel (log1p/expm1 forms, x*sigmoid(2u) for the tanh GELU); the script stops if the two round
to different doubles. Rounding to double goes through a 45-digit decimal string and Python's
correctly rounded float(), which also handles subnormals and overflow to infinity. Numbers are
written as Python repr() (the shortest decimal that round-trips) with 'Infinity', '-Infinity'
spelled as Java's Double.parseDouble reads them.
"""

import math
import os
import random

import mpmath
from mpmath import mp, mpf

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org", "softmaxcourse", "reference")

LAMBDA = "1.0507009873554804934193349852946"  # SELU constants as written in Selu.java
ALPHA = "1.6732632423543772848170429916717"


def fmt(x):
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if math.isnan(x):
        return "NaN"
    return repr(x)


def to_double(v):
    """The double nearest to the mpf v (ties to even), subnormals and overflow included."""
    if mpmath.isinf(v):
        return math.inf if v > 0 else -math.inf
    if v == 0:
        return 0.0
    return float(mpmath.nstr(v, 45, min_fixed=1, max_fixed=0))


def exp(t):
    """e^t for t <= 0; below -1e5 it is 0 (the true value, < 1e-43000, changes no 80-digit sum)."""
    return mpf(0) if t < -100000 else mpmath.exp(t)


def softplus(x):
    x = mpf(x)
    if x > 0:
        return x + mpmath.log1p(exp(-x))
    return mpmath.log1p(exp(x))


def sigmoid(x):
    x = mpf(x)
    if x >= 0:
        return 1 / (1 + exp(-x))
    e = exp(x)
    return e / (1 + e)


def logit(p):
    p = mpf(p)
    return mpmath.log(p) - mpmath.log1p(-p)


def elu(x):
    x = mpf(x)
    return x if x > 0 else mpmath.expm1(x)


def selu(x):
    x = mpf(x)
    return mpf(LAMBDA) * (x if x > 0 else mpf(ALPHA) * mpmath.expm1(x))


def gelu_exact(x):
    x = mpf(x)
    if abs(x) > 1000:  # Φ(x) is 1 or 0 to far more than 80 digits (and mpmath's erfc overflows)
        return x if x > 0 else mpf(0)
    return x * mpmath.erfc(-x / mpmath.sqrt(2)) / 2


def gelu_tanh(x):
    # z/2 (1 + tanh u) = z σ(2u), which does not cancel for z << 0.
    x = mpf(x)
    u = mpmath.sqrt(2 / mpmath.pi) * (x + mpf("0.044715") * x**3)
    return x * sigmoid(2 * u)


def swish(x):
    return mpf(x) * sigmoid(x)


def mish(x):
    return mpf(x) * mpmath.tanh(softplus(x))


# name -> (function, value at -inf, value at +inf); None where there is no limit in the set.
SCALAR = {
    "sigmoid": (sigmoid, 0.0, 1.0),
    "log_sigmoid": (lambda x: -softplus(-mpf(x)), -math.inf, 0.0),
    "softplus": (softplus, 0.0, math.inf),
    "tanh": (lambda x: mpmath.tanh(mpf(x)), -1.0, 1.0),
    "elu": (elu, -1.0, math.inf),
    "selu": (selu, None, math.inf),
    "gelu_exact": (gelu_exact, 0.0, math.inf),
    "gelu_tanh": (gelu_tanh, 0.0, math.inf),
    "swish": (swish, 0.0, math.inf),
    "mish": (mish, 0.0, math.inf),
    # BCE from logits: y = 1 gives softplus(-z), y = 0 gives softplus(z); gradients σ(z) − y.
    "bce_y1": (lambda x: softplus(-mpf(x)), math.inf, 0.0),
    "bce_y0": (softplus, 0.0, math.inf),
    "bce_grad_y1": (lambda x: -sigmoid(-mpf(x)), -1.0, 0.0),
    "bce_grad_y0": (sigmoid, 0.0, 1.0),
}


def scalar_inputs():
    xs = {
        0.0,
        5e-324,
        2.5e-323,
        1e-310,
        2.2250738585072014e-308,
        1e-300,
        1e-200,
        1e-100,
        1e-20,
        1e-16,
        1.1102230246251565e-16,
        1e-12,
        1e-8,
        1e-5,
        1e-3,
        0.01,
        0.1,
        0.25,
        0.5,
        0.75,
        1.0,
        1.25,
        1.5,
        2.0,
        2.5,
        3.0,
        4.0,
        5.0,
        6.0,
        7.5,
        8.0,
        10.0,
        12.0,
        15.0,
        17.0,
        18.0,
        19.0,
        20.0,
        25.0,
        26.0,
        27.0,
        30.0,
        33.0,
        35.0,
        36.0,
        36.7,
        37.0,
        38.0,
        39.0,
        40.0,
        50.0,
        100.0,
        500.0,
        700.0,
        708.0,
        709.0,
        709.782712893384,
        709.8,
        710.0,
        720.0,
        740.0,
        744.0,
        745.0,
        745.1332191019412,
        745.2,
        746.0,
        750.0,
        1000.0,
        1e4,
        1e6,
        1e10,
        1e100,
        1e300,
    }
    rnd = random.Random(8)
    for _ in range(120):  # uniform on the interesting range
        xs.add(rnd.uniform(0, 45))
    for _ in range(80):  # log-uniform magnitudes
        xs.add(10 ** rnd.uniform(-12, 3))
    out = set()
    for x in xs:
        out.add(x)
        out.add(-x)
    out.discard(-0.0)
    return sorted(out) + [-math.inf, math.inf]


def exp_inputs():
    """The scalar inputs, and more where the table method of internal.kernel.Exp could go wrong: random
    points over its whole range, small arguments, and the edges of its table cells, x = (k + 1/2)·ln2/64."""
    xs = set(scalar_inputs())
    rnd = random.Random(11)
    for _ in range(600):
        xs.add(rnd.uniform(-745.2, 709.8))
    for _ in range(200):
        xs.add(rnd.uniform(-1, 1))
    for k in list(range(-70, 70)) + [rnd.randint(-65400, 65500) for _ in range(100)]:
        edge = (k + 0.5) * math.log(2) / 64
        xs.update((edge, math.nextafter(edge, -math.inf), math.nextafter(edge, math.inf)))
    xs.update((-708.0, math.nextafter(-708.0, 0), 709.0, math.nextafter(709.0, 0)))
    return sorted(xs)


def log1p_inputs():
    """x > -1: the scalar inputs, random points on (-1, 1) and (1, 1000), and x near -1 and 0."""
    xs = {x for x in scalar_inputs() if x > -1}
    rnd = random.Random(12)
    for _ in range(300):
        xs.add(rnd.uniform(-1, 1))
    for _ in range(100):
        xs.add(rnd.uniform(1, 1000))
    for _ in range(100):
        xs.add(-1 + 10 ** rnd.uniform(-300, -1))
        xs.add(10 ** rnd.uniform(-20, 0))
    xs.update((-0.5, -0.25, 2**-53, 2**-52, 3 * 2**-53, 1 - 2**-53, 2**53, 2**60))
    return sorted(xs)


def logit_inputs():
    ps = {
        0.0,
        5e-324,
        1e-310,
        1e-300,
        1e-100,
        1e-20,
        1e-16,
        1e-8,
        1e-4,
        0.01,
        0.1,
        0.2,
        0.25,
        0.3,
        0.4,
        0.45,
        0.49,
        0.5,
        0.5 - 2**-54,
        0.5 + 2**-53,
        0.51,
        0.55,
        0.6,
        0.7,
        0.75,
        0.8,
        0.9,
        0.99,
        1 - 1e-8,
        1 - 2**-53,
        1.0,
    }
    rnd = random.Random(9)
    for _ in range(300):
        ps.add(rnd.random())
    for _ in range(100):
        q = 10 ** rnd.uniform(-300, -1)
        ps.add(q)
        ps.add(1 - q)
    return sorted(ps)


def vector_rows():
    rnd = random.Random(10)
    rows = [
        [1.0, 2.0, 3.0, 4.0, 5.0],
        [0.0, 0.0, 0.0],
        [3.5],
        [-math.inf, 0.0, 1.0],
        [-math.inf, -math.inf, 5.0, -math.inf],
        [-math.inf, 2.0, -1.0, -math.inf, 0.5],
        [1000.0, 0.0, -1000.0],
        [700.0, 710.0, 720.0],
        [-750.0, -745.0, -740.0],
        [1e-8, -1e-8, 0.0],
        [30.0, 0.0],
        [40.0, 0.0, -40.0, 1.0],
        [1e4, -1e4, 1e4],
        [1e300, -1e300, 0.0],
        [5e-324, 0.0, -5e-324],
        [-1e-300, 1e-300],
        [0.5, 0.5 + 2**-52, 0.5 - 2**-53],
        [36.0, 37.0, 0.0, 1e-8],
        [-1.0, -2.0, -3.0, -1e4, -700.0, -745.5],
    ]
    for scale in (1.0, 3.0, 10.0, 100.0):
        rows.append([rnd.gauss(0, scale) for _ in range(10)])
    for scale in (1.0, 5.0):
        rows.append([rnd.gauss(0, scale) for _ in range(1000)])
    rows.append([rnd.uniform(-1, 1) for _ in range(1000)])
    return rows


def lse(row):
    finite = [mpf(v) for v in row if v != -math.inf]
    m = max(finite)
    return m + mpmath.log(mpmath.fsum(exp(v - m) for v in finite))


def exact_vector(row):
    """(logsumexp, [log-softmax], [softmax]) of one row as mpf."""
    s = lse(row)
    logp = [mpf("-inf") if v == -math.inf else mpf(v) - s for v in row]
    p = [mpf(0) if v == -math.inf else exp(mpf(v) - s) for v in row]
    return s, logp, p


def same(dps_a, dps_b, fn):
    with mp.workdps(dps_a):
        a = fn()
    with mp.workdps(dps_b):
        b = fn()
    if isinstance(a, list):
        da, db = [to_double(v) for v in a], [to_double(v) for v in b]
    else:
        da, db = to_double(a), to_double(b)
    if da != db:
        raise SystemExit(f"precision check failed: {da} != {db}")
    return da


# ---------------------------------------------------------------------------------------------
# Derivatives, the softmax Jacobian and backward pass, and the information measures (issue 16).
# Each reference comes with kappa, the condition number of the sum the quantity is made of:
# kappa = (|a| + |b| + ...) / |a + b + ...| for the mathematical terms of its definition (1 when
# they do not cancel, e.g. for every single-term derivative). ReferenceUlpTest allows 2 ULP where
# kappa <= 2 and 2 + kappa ULP where kappa > 2 (the function is ill-conditioned there: its terms
# cancel and the rounding of any term, however small, is amplified by kappa).
# ---------------------------------------------------------------------------------------------

C_GELU = "0.044715"  # as a string: an mpf made here would be rounded to 53 bits


def normal_pdf(x):
    return mpmath.exp(-(mpf(x) ** 2) / 2) / mpmath.sqrt(2 * mpmath.pi)


def normal_cdf(x):
    x = mpf(x)
    if x < -1000:
        return mpf(0)
    if x > 1000:
        return mpf(1)
    return mpmath.erfc(-x / mpmath.sqrt(2)) / 2


def terms_gelu_exact(x):
    x = mpf(x)
    return [normal_cdf(x), x * normal_pdf(x)]


def terms_gelu_tanh(x):
    x = mpf(x)
    w = 2 * mpmath.sqrt(2 / mpmath.pi) * (x + mpf(C_GELU) * x**3)
    dw = 2 * mpmath.sqrt(2 / mpmath.pi) * (1 + 3 * mpf(C_GELU) * x**2)
    return [sigmoid(w), x * sigmoid(w) * sigmoid(-w) * dw]


def terms_silu(x):
    x = mpf(x)
    return [sigmoid(x), x * sigmoid(x) * sigmoid(-x)]


def sech2_softplus(x):
    """sech²(softplus x) = 4(1 + e^x)² / ((1 + e^x)² + 1)², written with e^-|x| so nothing overflows."""
    x = mpf(x)
    if x <= 0:
        s = (1 + exp(x)) ** 2
        return 4 * s / (s + 1) ** 2
    e = exp(-x)
    s = (1 + e) ** 2  # (1 + e^x)² = e^2x · s
    return 4 * s * e * e / (s + e * e) ** 2


def terms_mish(x):
    x = mpf(x)
    return [mpmath.tanh(softplus(x)), x * sech2_softplus(x) * sigmoid(x)]


def one(f):
    return lambda x: [f(x)]


def piecewise(right, left, lo=0, hi=None):
    """The derivative of a piecewise-linear function: `right` on (lo, hi), `left` elsewhere."""
    return lambda x: [mpf(right) if x > lo and (hi is None or x < hi) else mpf(left)]


# name -> (terms of the derivative as a function of x, value at -inf, value at +inf)
DERIVATIVE = {
    "sigmoid'": (one(lambda x: sigmoid(x) * sigmoid(-mpf(x))), 0.0, 0.0),
    "log_sigmoid'": (one(lambda x: sigmoid(-mpf(x))), 1.0, 0.0),
    "softplus'": (one(sigmoid), 0.0, 1.0),
    "tanh'": (one(lambda x: 4 * exp(-2 * abs(mpf(x))) / (1 + exp(-2 * abs(mpf(x)))) ** 2), 0.0, 0.0),
    "elu'": (one(lambda x: mpf(1) if x > 0 else exp(mpf(x))), 0.0, 1.0),
    "selu'": (one(lambda x: mpf(LAMBDA) * (1 if x > 0 else mpf(ALPHA) * exp(mpf(x)))), 0.0, None),
    "gelu_exact'": (terms_gelu_exact, 0.0, 1.0),
    "gelu_tanh'": (terms_gelu_tanh, 0.0, 1.0),
    "silu'": (terms_silu, 0.0, 1.0),
    "mish'": (terms_mish, 0.0, 1.0),
    "relu'": (piecewise(1, 0), 0.0, 1.0),
    "relu6'": (piecewise(1, 0, 0, 6), 0.0, 0.0),
    "leaky_relu'": (piecewise(1, "0.01"), 0.01, 1.0),
    "prelu'": (piecewise(1, "0.25"), 0.25, 1.0),
    "hard_sigmoid'": (piecewise(mpf(1) / 6, 0, -3, 3), 0.0, 0.0),
}

# Where the derivative crosses 0 (the minimum of the activation): sampled densely around it.
MINIMA = {
    "gelu_exact'": lambda x: sum(terms_gelu_exact(x)),
    "gelu_tanh'": lambda x: sum(terms_gelu_tanh(x)),
    "silu'": lambda x: sum(terms_silu(x)),
    "mish'": lambda x: sum(terms_mish(x)),
}
MINIMA_START = {"gelu_exact'": -0.75, "gelu_tanh'": -0.75, "silu'": -1.28, "mish'": -1.19}


def zeros_of_derivatives():
    with mp.workdps(60):
        return {k: float(mpmath.findroot(f, mpf(MINIMA_START[k]))) for k, f in MINIMA.items()}


def derivative_inputs():
    """The scalar inputs; every minimum of the four smooth non-monotonic activations approached from
    both sides (offsets 1e-15 … 0.5 and the nearest doubles); σ(x) subnormal, x in [-746, -708];
    tanh′ subnormal, |x| in [354, 373]; and 300 random points (uniform on [-30, 10] and
    log-uniform magnitudes of both signs down to 1e-300)."""
    xs = set(scalar_inputs())
    rnd = random.Random(16)
    for x0 in zeros_of_derivatives().values():
        d = x0
        for _ in range(4):
            d = math.nextafter(d, -math.inf)
            xs.add(d)
        d = x0
        for _ in range(4):
            d = math.nextafter(d, math.inf)
            xs.add(d)
        xs.add(x0)
        for k in range(-30, 0):
            off = 10 ** (k / 2)
            xs.update((x0 - off, x0 + off))
        for _ in range(20):
            xs.add(x0 + rnd.uniform(-0.5, 0.5))
    for _ in range(40):
        xs.add(rnd.uniform(-746, -708))
    xs.update((-708.5, -709.0, -709.7, -710.0, -720.0, -730.0, -740.0, -744.5, -745.0))
    for _ in range(20):
        xs.add(rnd.choice((-1, 1)) * rnd.uniform(354, 373))
    for _ in range(200):
        xs.add(rnd.uniform(-30, 10))
    for _ in range(100):
        xs.add(rnd.choice((-1, 1)) * 10 ** rnd.uniform(-300, 2))
    return sorted(xs)


def kappa(terms):
    total = mpmath.fsum(terms)
    if total == 0:
        return math.inf if any(t != 0 for t in terms) else 1.0
    return float(mpmath.fsum(abs(t) for t in terms) / abs(total))


def fmt_kappa(k):
    return "Infinity" if math.isinf(k) else f"{k:.4g}"


def same_and_kappa(fn):
    """fn() -> list of terms; the correctly rounded sum (checked at 80 digits) and kappa."""
    y = same(50, 80, lambda: mpmath.fsum(fn()))
    with mp.workdps(50):
        k = kappa(fn())
    return y, k


def write_derivatives():
    xs = derivative_inputs()
    n = 0
    with open(os.path.join(OUT, "derivative.csv"), "w") as f:
        f.write(
            "# function,x,reference (correctly rounded; mpmath 50 digits, checked at 80),"
            "kappa (condition number of the sum of the derivative's terms)\n"
        )
        f.write("function,x,expected,kappa\n")
        for name, (terms, at_minus, at_plus) in DERIVATIVE.items():
            for x in xs:
                if math.isinf(x):
                    limit = at_plus if x > 0 else at_minus
                    if limit is None:
                        continue
                    y, k = limit, 1.0
                else:
                    y, k = same_and_kappa(lambda terms=terms, x=x: terms(x))
                f.write(f"{name},{fmt(x)},{fmt(y)},{fmt_kappa(k)}\n")
                n += 1
        for p in logit_inputs():
            if 0 < p < 1:
                y = same(50, 80, lambda p=p: 1 / (mpf(p) * one_minus(p)))
                h = same(50, 80, lambda p=p: -logit(p))
            else:
                y, h = math.inf, (math.inf if p == 0 else -math.inf)
            f.write(f"logit',{fmt(p)},{fmt(y)},1\n")
            f.write(f"binary_entropy',{fmt(p)},{fmt(h)},1\n")
            n += 2
        f.write("logit',-0.0,Infinity,1\n")
        n += 1
    return n


def jacobian_rows():
    rnd = random.Random(17)
    rows = [
        [0.0, -40.0],
        [0.0, -20.0, -40.0],
        [40.0, 0.0, 1.0],
        [0.0, -745.0],
        [0.0, -700.0, -36.0],
        [3.0, 1.0, 0.2],
        [1e-8, 0.0],
        [100.0, 0.0, -100.0],
        [-math.inf, 0.0, 1.0],
        [0.0, 0.0, 0.0, 0.0],
        [30.0, 0.0, 29.0],
    ]
    for scale in (1.0, 5.0, 20.0):
        rows.append([rnd.gauss(0, scale) for _ in range(6)])
    return rows


def backward_cases():
    """(z, upstream) pairs: the Jacobian rows with one-hot, constant, and random upstream gradients,
    and rows of 100 and 1000 logits."""
    rnd = random.Random(18)
    cases = []
    for z in jacobian_rows():
        c = len(z)
        cases.append((z, [1.0 if j == 0 else 0.0 for j in range(c)]))
        cases.append((z, [-1.0 if j == c - 1 else 0.0 for j in range(c)]))
        cases.append((z, [rnd.gauss(0, 1) for _ in range(c)]))
        cases.append((z, [rnd.gauss(5, 1e-3) for _ in range(c)]))
    for c, scale in ((100, 3.0), (1000, 1.0)):
        cases.append(([rnd.gauss(0, scale) for _ in range(c)], [rnd.gauss(0, 1) for _ in range(c)]))
    cases.append(([0.0, -40.0], [2.0, -3.0]))
    cases.append(([0.0, -40.0, -41.0], [1.0, 1.0, -1.0]))
    return cases


def probabilities(row):
    return exact_vector(row)[2]


def write_softmax_derivatives():
    """softmax_cases.csv holds each case's logits z and upstream gradient g (empty for the Jacobian);
    softmax_derivative.csv the references by case and index (row-major a*C + b for the Jacobian)."""
    n = 0
    cases = [(z, None) for z in jacobian_rows()] + backward_cases()
    with open(os.path.join(OUT, "softmax_cases.csv"), "w") as f:
        f.write("# case,logits z,upstream gradient g (space-separated; empty: the Jacobian at z)\n")
        f.write("case,z,upstream\n")
        for i, (z, g) in enumerate(cases):
            f.write(f"{i},{' '.join(fmt(v) for v in z)},{'' if g is None else ' '.join(fmt(v) for v in g)}\n")
    with open(os.path.join(OUT, "softmax_derivative.csv"), "w") as f:
        f.write("# function,case,index (row-major a*C+b for the jacobian),reference,kappa\n")
        f.write("function,case,index,expected,kappa\n")
        for case, (z, g) in enumerate(cases):
            c = len(z)
            if g is None:

                def jac(z=z, c=c):
                    p = probabilities(z)
                    out = []
                    for a in range(c):
                        for b in range(c):
                            # pₐ(1 − pₐ) with 1 − pₐ as the sum of the others: the exact value.
                            out.append(p[a] * mpmath.fsum(p[j] for j in range(c) if j != a) if a == b else -p[a] * p[b])
                    return out

                for i, v in enumerate(same(50, 80, jac)):
                    f.write(f"jacobian,{case},{i},{fmt(v)},1\n")
                    n += 1
                continue

            def back(z=z, g=g, c=c):
                p = probabilities(z)
                return [p[i] * mpmath.fsum(p[j] * (mpf(g[i]) - g[j]) for j in range(c)) for i in range(c)]

            ref = same(50, 80, back)
            with mp.workdps(50):
                p = probabilities(z)
                dot = mpmath.fsum(p[j] * g[j] for j in range(c))
                absdot = mpmath.fsum(p[j] * abs(g[j]) for j in range(c))
                ks = []
                for i in range(c):
                    diff = mpf(g[i]) - dot
                    # relative perturbations of g: |gᵢ| + Σ pⱼ|gⱼ| against |gᵢ − ⟨p, g⟩|
                    ks.append(
                        1.0
                        if diff == 0 and p[i] == 0
                        else (math.inf if diff == 0 else float((abs(g[i]) + absdot) / abs(diff)))
                    )
            for i, v in enumerate(ref):
                f.write(f"backward,{case},{i},{fmt(v)},{fmt_kappa(ks[i])}\n")
                n += 1
    return n


def normalised(v):
    s = math.fsum(v)
    return [x / s for x in v]


def measure_cases():
    """(p, q) pairs of distributions as doubles (the measures take them as given)."""
    rnd = random.Random(19)
    cases = [
        ([0.5, 0.5], [0.5, 0.5]),
        ([1.0, 0.0], [0.5, 0.5]),
        ([0.25, 0.75], [0.75, 0.25]),
        ([1.0, 0.0, 0.0], [1.0, 0.0, 0.0]),
        ([0.2, 0.3, 0.5], [0.1, 0.6, 0.3]),
        ([1 - 1e-16, 1e-16], [0.5, 0.5]),
        ([1 - 2**-53, 2**-53], [1 - 2**-52, 2**-52]),
        ([1.0, 5e-324], [1.0, 1e-300]),
        ([0.5, 0.5 - 1e-300, 1e-300], [0.5, 0.5 - 1e-200, 1e-200]),
        ([0.3, 0.7], [0.3 + 2**-54, 0.7 - 2**-53]),
        ([1.0, 7.286037845011554e-282], [1.0, 1.382685648887745e-296]),  # log p − log q cancels
        ([0.5, 0.5, 1e-250], [0.5, 0.5, 1e-280]),
    ]
    for c in (2, 3, 10, 100):
        for _ in range(3):
            cases.append((normalised([rnd.random() for _ in range(c)]), normalised([rnd.random() for _ in range(c)])))
    for c in (2, 5, 50):
        for rel in (1e-2, 1e-5, 1e-8, 1e-12, 1e-15):
            p = normalised([rnd.random() for _ in range(c)])
            q = normalised([x * (1 + rel * rnd.uniform(-1, 1)) for x in p])
            cases.append((p, q))
    for _ in range(5):  # tiny and zero entries
        p = normalised([10 ** rnd.uniform(-300, 0) if rnd.random() < 0.8 else 0.0 for _ in range(8)] + [1.0])
        q = normalised([10 ** rnd.uniform(-300, 0) for _ in range(9)])
        cases.append((p, q))
    return cases


def binary_cases():
    rnd = random.Random(20)
    vals = [
        0.0,
        5e-324,
        1e-310,
        1e-300,
        1e-100,
        1e-20,
        1e-16,
        2**-53,
        1e-8,
        1e-3,
        0.1,
        0.25,
        0.5,
        0.75,
        0.9,
        0.999,
        1 - 1e-8,
        1 - 2**-52,
        1 - 2**-53,
        1.0,
    ]
    pairs = [(p, q) for p in vals for q in vals]
    for _ in range(100):
        pairs.append((rnd.random(), rnd.random()))
    for _ in range(60):
        p = 10 ** rnd.uniform(-300, -1)
        pairs.append((p, p * (1 + 10 ** rnd.uniform(-15, -1))))
        pairs.append((p, 10 ** rnd.uniform(-300, -1)))
        pairs.append((1 - p, 1 - 10 ** rnd.uniform(-17, -1)))
    return pairs


def xlogy(x, y):
    return mpf(0) if x == 0 else x * mpmath.log(y)


def xlogratio(x, y):
    """x·log(x/y), 0 where x = 0, as x·log1p((x − y)/y) with x − y exact (close x and y cancel)."""
    if x == 0:
        return mpf(0)
    if y / 2 <= x <= 2 * y:
        return x * mpmath.log1p(mpmath.fsub(x, y, exact=True) / y)
    return x * mpmath.log(x / y)


def exact_half_sum(a, b):
    return mpmath.fadd(a, b, exact=True) / 2


def one_minus(p):
    return mpmath.fsub(1, p, exact=True)


def info_terms(name, p, q):
    p = [mpf(v) for v in p]
    q = [mpf(v) for v in q]
    if name == "entropy":
        return [-xlogy(v, v) for v in p]
    if name == "cross_entropy":
        return [-xlogy(a, b) for a, b in zip(p, q, strict=True)]
    if name == "kl":
        return [xlogratio(a, b) for a, b in zip(p, q, strict=True)]
    if name == "js":
        out = []
        for a, b in zip(p, q, strict=True):
            m = exact_half_sum(a, b)
            out += [xlogratio(a, m) / 2, xlogratio(b, m) / 2]
        return out
    raise ValueError(name)


def binary_terms(name, p, q):
    p, q = mpf(p), mpf(q)
    if name == "binary_kl":
        return [xlogratio(p, q), xlogratio(one_minus(p), one_minus(q))]
    if name == "binary_cross_entropy":
        return [-xlogy(p, q), -xlogy(one_minus(p), one_minus(q))]
    if name == "binary_entropy":
        return [-xlogy(p, p), -xlogy(one_minus(p), one_minus(p))]
    raise ValueError(name)


def infinite(terms_fn):
    """+inf where some term is log of 0 with a positive weight (q = 0 < p)."""
    try:
        terms_fn()
        return False
    except (ZeroDivisionError, ValueError):
        return True


def write_measures():
    n = 0
    with open(os.path.join(OUT, "measure.csv"), "w") as f:
        f.write("# function,p,q (space-separated),reference in nats,kappa (condition number of the sum of its terms)\n")
        f.write("function,p,q,expected,kappa\n")
        for p, q in measure_cases():
            ps, qs = " ".join(fmt(v) for v in p), " ".join(fmt(v) for v in q)
            for name in ("entropy", "cross_entropy", "kl", "js"):
                if any(b == 0 < a for a, b in zip(p, q, strict=True)) and name in ("cross_entropy", "kl"):
                    y, k = math.inf, 1.0
                else:
                    y, k = same_and_kappa(lambda name=name, p=p, q=q: info_terms(name, p, q))
                f.write(f"{name},{ps},{qs},{fmt(y)},{fmt_kappa(k)}\n")
                n += 1
        for p, q in binary_cases():
            for name in ("binary_kl", "binary_cross_entropy", "binary_entropy"):
                if name == "binary_entropy" and q != 0.5:
                    continue
                if name != "binary_entropy" and ((q == 0 and p > 0) or (q == 1 and p < 1)):
                    y, k = math.inf, 1.0
                else:
                    y, k = same_and_kappa(lambda name=name, p=p, q=q: binary_terms(name, p, q))
                f.write(f"{name},{fmt(p)},{fmt(q)},{fmt(y)},{fmt_kappa(k)}\n")
                n += 1
    return n


def main():
    os.makedirs(OUT, exist_ok=True)
    xs = scalar_inputs()
    n = 0
    with open(os.path.join(OUT, "scalar.csv"), "w") as f:
        f.write("# function,x,reference (correctly rounded double; mpmath 50 digits, checked at 80)\n")
        f.write("function,x,expected\n")
        for name, (fn, at_minus, at_plus) in SCALAR.items():
            for x in xs:
                if math.isinf(x):
                    limit = at_plus if x > 0 else at_minus
                    if limit is None:
                        continue
                    y = limit
                else:
                    y = same(50, 80, lambda fn=fn, x=x: fn(x))
                f.write(f"{name},{fmt(x)},{fmt(y)}\n")
                n += 1
        for x in exp_inputs():
            y = (0.0 if x < 0 else math.inf) if math.isinf(x) else same(50, 80, lambda x=x: mpmath.exp(mpf(x)))
            f.write(f"exp,{fmt(x)},{fmt(y)}\n")
            n += 1
        for x in log1p_inputs():
            y = math.inf if math.isinf(x) else same(50, 80, lambda x=x: mpmath.log1p(mpf(x)))
            f.write(f"log1p,{fmt(x)},{fmt(y)}\n")
            n += 1
        for p in logit_inputs():
            y = same(50, 80, lambda p=p: logit(p)) if 0 < p < 1 else (-math.inf if p == 0 else math.inf)
            f.write(f"logit,{fmt(p)},{fmt(y)}\n")
            n += 1
    rows = vector_rows()
    with open(os.path.join(OUT, "rows.csv"), "w") as f:
        f.write("# row,space-separated logits\nrow,z\n")
        for i, row in enumerate(rows):
            f.write(f"{i}," + " ".join(fmt(v) for v in row) + "\n")
    with open(os.path.join(OUT, "vector.csv"), "w") as f:
        f.write("# function,row,label (-1: none),index (-1: the scalar),reference\n")
        f.write("function,row,label,index,expected\n")
        for i, row in enumerate(rows):
            s = same(50, 80, lambda row=row: lse(row))
            logp = same(50, 80, lambda row=row: exact_vector(row)[1])
            p = same(50, 80, lambda row=row: exact_vector(row)[2])
            f.write(f"logsumexp,{i},-1,-1,{fmt(s)}\n")
            for j in range(len(row)):
                f.write(f"log_softmax,{i},-1,{j},{fmt(logp[j])}\n")
                f.write(f"softmax,{i},-1,{j},{fmt(p[j])}\n")
            labels = [k for k in range(len(row)) if row[k] != -math.inf]
            if len(labels) > 12:
                labels = labels[:1] + [max(range(len(row)), key=lambda k: row[k])]
            for k in labels:
                # CE with hard label k: loss = −log p_k; gradient p − e_k.
                loss = same(50, 80, lambda row=row, k=k: -exact_vector(row)[1][k])
                grad = same(
                    50, 80, lambda row=row, k=k: [v - (1 if j == k else 0) for j, v in enumerate(exact_vector(row)[2])]
                )
                f.write(f"ce_loss,{i},{k},-1,{fmt(loss)}\n")
                for j in range(len(row)):
                    f.write(f"ce_grad,{i},{k},{j},{fmt(grad[j])}\n")
    print(f"{n} scalar references, {len(rows)} rows -> {os.path.normpath(OUT)}")
    print(
        f"{write_derivatives()} derivative references, {write_softmax_derivatives()} softmax Jacobian and "
        f"backward references, {write_measures()} information-measure references"
    )


if __name__ == "__main__":
    main()
