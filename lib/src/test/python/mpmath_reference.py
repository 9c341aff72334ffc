#!/usr/bin/python3
"""Correctly rounded reference values for the activations and losses (issue 8).

Run from the repository root with Debian's python3-mpmath:

    /usr/bin/python3 lib/src/test/python/mpmath_reference.py

It rewrites lib/src/test/resources/org/softmaxcourse/reference/{scalar,rows,vector}.csv; the
JUnit test ReferenceUlpTest reads them (no Python needed to run the tests).

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

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org", "softmaxcourse",
                   "reference")

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
    u = mpmath.sqrt(2 / mpmath.pi) * (x + mpf("0.044715") * x ** 3)
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
    xs = {0.0, 5e-324, 2.5e-323, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-200, 1e-100, 1e-20, 1e-16,
          1.1102230246251565e-16, 1e-12, 1e-8, 1e-5, 1e-3, 0.01, 0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0,
          2.5, 3.0, 4.0, 5.0, 6.0, 7.5, 8.0, 10.0, 12.0, 15.0, 17.0, 18.0, 19.0, 20.0, 25.0, 26.0, 27.0, 30.0,
          33.0, 35.0, 36.0, 36.7, 37.0, 38.0, 39.0, 40.0, 50.0, 100.0, 500.0, 700.0, 708.0, 709.0,
          709.782712893384, 709.8, 710.0, 720.0, 740.0, 744.0, 745.0, 745.1332191019412, 745.2, 746.0,
          750.0, 1000.0, 1e4, 1e6, 1e10, 1e100, 1e300}
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
    """The scalar inputs, and more where the table method of numeric.Exp could go wrong: random
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
    xs.update((-0.5, -0.25, 2 ** -53, 2 ** -52, 3 * 2 ** -53, 1 - 2 ** -53, 2 ** 53, 2 ** 60))
    return sorted(xs)


def logit_inputs():
    ps = {0.0, 5e-324, 1e-310, 1e-300, 1e-100, 1e-20, 1e-16, 1e-8, 1e-4, 0.01, 0.1, 0.2, 0.25, 0.3, 0.4,
          0.45, 0.49, 0.5, 0.5 - 2 ** -54, 0.5 + 2 ** -53, 0.51, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9, 0.99,
          1 - 1e-8, 1 - 2 ** -53, 1.0}
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
        [0.5, 0.5 + 2 ** -52, 0.5 - 2 ** -53],
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
                    y = same(50, 80, lambda: fn(x))
                f.write(f"{name},{fmt(x)},{fmt(y)}\n")
                n += 1
        for x in exp_inputs():
            y = (0.0 if x < 0 else math.inf) if math.isinf(x) else same(50, 80, lambda: mpmath.exp(mpf(x)))
            f.write(f"exp,{fmt(x)},{fmt(y)}\n")
            n += 1
        for x in log1p_inputs():
            y = math.inf if math.isinf(x) else same(50, 80, lambda: mpmath.log1p(mpf(x)))
            f.write(f"log1p,{fmt(x)},{fmt(y)}\n")
            n += 1
        for p in logit_inputs():
            y = same(50, 80, lambda: logit(p)) if 0 < p < 1 else (-math.inf if p == 0 else math.inf)
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
            s = same(50, 80, lambda: lse(row))
            logp = same(50, 80, lambda: exact_vector(row)[1])
            p = same(50, 80, lambda: exact_vector(row)[2])
            f.write(f"logsumexp,{i},-1,-1,{fmt(s)}\n")
            for j in range(len(row)):
                f.write(f"log_softmax,{i},-1,{j},{fmt(logp[j])}\n")
                f.write(f"softmax,{i},-1,{j},{fmt(p[j])}\n")
            labels = [k for k in range(len(row)) if row[k] != -math.inf]
            if len(labels) > 12:
                labels = labels[:1] + [max(range(len(row)), key=lambda k: row[k])]
            for k in labels:
                # CE with hard label k: loss = −log p_k; gradient p − e_k.
                loss = same(50, 80, lambda: -exact_vector(row)[1][k])
                grad = same(50, 80, lambda: [v - (1 if j == k else 0) for j, v in enumerate(exact_vector(row)[2])])
                f.write(f"ce_loss,{i},{k},-1,{fmt(loss)}\n")
                for j in range(len(row)):
                    f.write(f"ce_grad,{i},{k},{j},{fmt(grad[j])}\n")
    print(f"{n} scalar references, {len(rows)} rows -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
