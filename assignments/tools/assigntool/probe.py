"""Marks decided outside the student's JVM: test cells observe, the grader compares.

A test cell is run twice, in two forms made from the instructor's source:

* the **reference form** runs once per batch on the instructor's solution. Every
  ``Check.x(what, actual, expected, ..., hint)`` becomes ``GraderProbe.x(...)`` with the same
  arguments; it prints the solution's value, the expected value, the tolerance and the hint;
* the **student form** runs in the student's kernel. Every check keeps only the expression of
  the student's value, ``GraderProbe.seen(actual)``: the expected values, tolerances, hints and
  descriptions never reach the student's JVM. It prints the observed values.

The grader (this module, in the grader's process) pairs the two streams case by case and decides
each check. A submission that forges its output stream (reads an environment variable, replaces
System.out, rewrites the probe by reflection) can only claim values; it scores only if the claimed
values are the right answers, which it has to compute. Nothing printed by the student's kernel is
ever shown to anyone except through :func:`exception_text`, which keeps a JDK exception's class and
a message only of a few fixed, JVM-generated shapes.
"""

import json
import math
import re

from . import fmt

PROBE = "GraderProbe"
MARK = "@@OBS "
CHECK_ARITY = {"close": 5, "equal": 4, "that": 3, "finite": 3, "inRange": 5, "probabilities": 4, "throwsA": 4}
CALL_RE = re.compile(
    r"(?<![\w.])(?:org\s*\.\s*softmaxcourse\s*\.\s*exercise\s*\.\s*)?(Check|Question)\s*\.\s*"
    r"(?:revealing\s*\(\s*\)\s*\.\s*)?(\w+)\s*\("
)
_DECODER = json.JSONDecoder()
CAP = 10000  # array entries sent per observation; longer arrays are sent as their length only

# The probe: plain JDK Java, defined by a cell the grader inserts after the %classpath cell. Its
# integrity does not matter (see the module notes): it only formats values as JSON lines.
JAVA = r"""
final class GraderProbe {
    private GraderProbe() {
    }
    @FunctionalInterface
    interface Body {
        void run() throws Throwable;
    }
    static final class Cases {
        final java.util.List<Object[]> list = new java.util.ArrayList<>();
        Cases test(String name, Body body) {
            return test(name, 1.0, body);
        }
        Cases test(String name, double weight, Body body) {
            list.add(new Object[] {name, weight, body});
            return this;
        }
    }
    private static String q = "";
    private static int c = -1;
    private static void emit(String json) {
        System.out.print("\n@@OBS " + json + "\n");
        System.out.flush();
    }
    private static String s(Object o) {
        String t = String.valueOf(o);
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < t.length() && i < 2000; i++) {
            char ch = t.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
    private static String d(double v) {
        return s(Double.toString(v));
    }
    static String enc(Object v) {
        if (v == null) {
            return "{\"t\":\"null\"}";
        }
        if (v instanceof Double || v instanceof Float) {
            return "{\"t\":\"d\",\"v\":" + d(((Number) v).doubleValue()) + "}";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return "{\"t\":\"l\",\"v\":" + s(v) + "}";
        }
        if (v instanceof Boolean) {
            return "{\"t\":\"b\",\"v\":" + v + "}";
        }
        if (v instanceof String || v instanceof Character) {
            return "{\"t\":\"s\",\"v\":" + s(v) + "}";
        }
        if (v instanceof double[] a) {
            StringBuilder b = new StringBuilder("{\"t\":\"da\",\"n\":" + a.length + ",\"v\":[");
            for (int i = 0; i < a.length && a.length <= 10000; i++) {
                b.append(i > 0 ? "," : "").append(d(a[i]));
            }
            return b.append("]}").toString();
        }
        if (v instanceof int[] a) {
            return enc(java.util.Arrays.stream(a).asLongStream().toArray());
        }
        if (v instanceof long[] a) {
            StringBuilder b = new StringBuilder("{\"t\":\"la\",\"n\":" + a.length + ",\"v\":[");
            for (int i = 0; i < a.length && a.length <= 10000; i++) {
                b.append(i > 0 ? "," : "").append(s(a[i]));
            }
            return b.append("]}").toString();
        }
        if (v instanceof boolean[] a) {
            StringBuilder b = new StringBuilder("{\"t\":\"ba\",\"n\":" + a.length + ",\"v\":[");
            for (int i = 0; i < a.length && a.length <= 10000; i++) {
                b.append(i > 0 ? "," : "").append(a[i]);
            }
            return b.append("]}").toString();
        }
        if (v instanceof Object[] a) {
            StringBuilder b = new StringBuilder("{\"t\":\"oa\",\"n\":" + a.length + ",\"v\":[");
            for (int i = 0; i < a.length && a.length <= 1000; i++) {
                b.append(i > 0 ? "," : "").append(enc(a[i]));
            }
            return b.append("]}").toString();
        }
        return "{\"t\":\"o\",\"cls\":" + s(v.getClass().getName()) + ",\"v\":" + s(v) + "}";
    }
    private static String exc(Throwable e) {
        StringBuilder chain = new StringBuilder("[");
        for (Class<?> k = e.getClass(); k != null; k = k.getSuperclass()) {
            chain.append(chain.length() > 1 ? "," : "").append(s(k.getName()));
        }
        String at = "";
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("REPL.") || f.getClassName().contains("$JShell$")) {
                at = f.getMethodName();
                break;
            }
        }
        String m = e.getMessage();
        return "{\"cls\":" + s(e.getClass().getName()) + ",\"chain\":" + chain + "],\"msg\":"
                + s(m == null ? "" : m.length() > 200 ? m.substring(0, 200) : m) + ",\"at\":" + s(at) + "}";
    }
    private static void obs(String fields) {
        emit("{\"q\":" + s(q) + ",\"c\":" + c + "," + fields + "}");
    }
    static void grade(String id, double points, java.util.function.Consumer<Cases> declaration) {
        Cases t = new Cases();
        try {
            declaration.accept(t);
        } catch (Throwable e) {
            emit("{\"q\":" + s(id) + ",\"declare\":" + exc(e) + "}");
            return;
        }
        emit("{\"q\":" + s(id) + ",\"cases\":" + t.list.size() + "}");
        for (int i = 0; i < t.list.size(); i++) {
            Object[] k = t.list.get(i);
            q = id;
            c = i;
            String x = "";
            try {
                ((Body) k[2]).run();
            } catch (Throwable e) {
                x = ",\"x\":" + exc(e);
            }
            emit("{\"q\":" + s(id) + ",\"c\":" + i + ",\"name\":" + s(k[0]) + ",\"w\":" + d((Double) k[1])
                    + ",\"end\":true" + x + "}");
        }
        emit("{\"q\":" + s(id) + ",\"done\":true}");
        q = "";
        c = -1;
    }
    // the student form: values only
    static void seen(double a) {
        obs("\"a\":" + enc(a));
    }
    static void seen(long a) {
        obs("\"a\":" + enc(a));
    }
    static void seen(boolean a) {
        obs("\"a\":" + enc(a));
    }
    static void seen(Object a) {
        obs("\"a\":" + enc(a));
    }
    static void seenThrow(Body body) {
        try {
            body.run();
        } catch (Throwable e) {
            obs("\"a\":{\"t\":\"thrown\",\"x\":" + exc(e) + "}");
            return;
        }
        obs("\"a\":{\"t\":\"thrown\",\"x\":null}");
    }
    // the reference form: the Check API, recording everything
    private static void ref(String kind, String what, String a, String e, double tol, String hint, String more) {
        obs("\"k\":" + s(kind) + ",\"what\":" + s(what) + ",\"a\":" + a + ",\"e\":" + e + ",\"tol\":" + d(tol)
                + ",\"hint\":" + s(hint == null ? "" : hint) + more);
    }
    static void close(String what, double a, double e, double tol, String hint) {
        ref("close", what, enc(a), enc(e), tol, hint, "");
    }
    static void close(String what, double[] a, double[] e, double tol, String hint) {
        ref("close", what, enc(a), enc(e), tol, hint, "");
    }
    static void equal(String what, long a, long e, String hint) {
        ref("equal", what, enc(a), enc(e), 0, hint, "");
    }
    static void equal(String what, Object a, Object e, String hint) {
        ref("equal", what, enc(a), enc(e), 0, hint, "");
    }
    static void that(String claim, boolean a, String hint) {
        ref("that", claim, enc(a), enc(true), 0, hint, "");
    }
    static void finite(String what, double a, String hint) {
        ref("finite", what, enc(a), enc(null), 0, hint, "");
    }
    static void inRange(String what, double a, double lo, double hi, String hint) {
        ref("inRange", what, enc(a), enc(null), 0, hint, ",\"lo\":" + d(lo) + ",\"hi\":" + d(hi));
    }
    static void probabilities(String what, double[] a, double tol, String hint) {
        ref("probabilities", what, enc(a), enc(null), tol, hint, "");
    }
    static void throwsA(String what, Class<? extends Throwable> type, Body body, String hint) {
        String a;
        try {
            body.run();
            a = "{\"t\":\"thrown\",\"x\":null}";
        } catch (Throwable e) {
            a = "{\"t\":\"thrown\",\"x\":" + exc(e) + "}";
        }
        ref("throwsA", what, a, "{\"t\":\"type\",\"v\":" + s(type.getName()) + ",\"simple\":" + s(type.getSimpleName())
                + "}", 0, hint, "");
    }
}
"""


class ProbeError(Exception):
    """A test cell the probe cannot rewrite (an author's mistake; ``validate`` reports it)."""


# ---------------------------------------------------------------------------------------------
# Rewriting test cells


def _close_paren(masked, open_at):
    depth = 0
    for i in range(open_at, len(masked)):
        ch = masked[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return i
    raise ProbeError("a call is never closed")


def _split_args(text, masked, start, stop):
    """The top-level comma-separated arguments of text[start:stop] (the inside of a call)."""
    args, depth, last = [], 0, start
    for i in range(start, stop):
        ch = masked[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            args.append(text[last:i])
            last = i
            last += 1
    args.append(text[last:stop])
    return [a.strip() for a in args]


def rewrite(text, form):
    """A test cell's source in the 'reference' or 'student' form (see the module notes)."""
    while True:
        masked = fmt.mask_java(text)
        matches = list(CALL_RE.finditer(masked))
        if not matches:
            return text
        m = matches[-1]
        cls, method = m.group(1), m.group(2)
        open_at = m.end() - 1
        close_at = _close_paren(masked, open_at)
        args = _split_args(text, masked, open_at + 1, close_at)
        line = text.count("\n", 0, m.start()) + 1
        if cls == "Question":
            if method != "grade":
                raise ProbeError(f"line {line}: Question.{method} is not a graded call")
            new = f"{PROBE}.grade({', '.join(args)})"
        else:
            if method not in CHECK_ARITY:
                raise ProbeError(f"line {line}: Check.{method} is not a check the grader knows")
            if len(args) != CHECK_ARITY[method]:
                raise ProbeError(
                    f"line {line}: Check.{method} takes {CHECK_ARITY[method]} arguments, "
                    f"found {len(args)} (a comma inside <...> generics?)"
                )
            if form == "reference":
                new = f"{PROBE}.{method}({', '.join(args)})"
            elif method == "throwsA":
                new = f"{PROBE}.seenThrow({args[2]})"
            else:
                new = f"{PROBE}.seen({args[1]})"
        text = text[: m.start()] + new + text[close_at + 1 :]


# ---------------------------------------------------------------------------------------------
# Reading observations


def observations(stdout):
    """The probe's JSON records in a test cell's stdout, in order; unreadable lines are skipped.

    The marker is searched anywhere in a line, so a student thread that printed a partial line
    (no newline) just before cannot hide a record."""
    found = []
    for line in stdout.split("\n"):
        at = line.find(MARK)
        while at >= 0:
            rest = line[at + len(MARK) :]
            nxt = rest.find(MARK)
            chunk = rest if nxt < 0 else rest[:nxt]
            try:  # a record followed by another thread's partial line still parses
                rec, _ = _DECODER.raw_decode(chunk.strip())
                if isinstance(rec, dict):
                    found.append(rec)
            except (json.JSONDecodeError, RecursionError):
                pass
            at = -1 if nxt < 0 else at + len(MARK) + nxt
    return found


def cases_of(records, qid):
    """{case index: {"checks": [...], "end": record or None}} and whether the question finished."""
    cases, done, declared = {}, False, None
    for r in records:
        if r.get("q") != qid:
            continue
        if r.get("done"):
            done = True
        elif "declare" in r:
            declared = r["declare"]
        elif "cases" in r and "c" not in r:
            declared = declared or r["cases"]
        elif isinstance(r.get("c"), int):
            entry = cases.setdefault(r["c"], {"checks": [], "ends": []})
            if r.get("end"):
                entry["ends"].append(r)
            elif "a" in r:
                entry["checks"].append(r)
    return cases, done, declared


# ---------------------------------------------------------------------------------------------
# Judging one check: the reference record (trusted) against the student's value


def _num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return math.nan


def _double_problem(what, a, e, tol):
    if math.isnan(e):
        return None if math.isnan(a) else f"{what} should be NaN."
    if math.isnan(a):
        return f"{what} is NaN (not a number)."
    if math.isinf(e) or math.isinf(a):
        if a == e:
            return None
        if math.isinf(a):
            return f"{what} is infinite; it should be " + (
                "infinite with the other sign." if math.isinf(e) else "a finite number."
            )
        return f"{what} is finite; it should be infinite."
    if abs(a - e) <= tol * max(1.0, abs(e)):
        return None
    return f"{what} is {'too small' if a < e else 'too large'}."


def _as_doubles(v):
    if not isinstance(v, dict) or v.get("t") != "da" or not isinstance(v.get("v"), list):
        return None
    return [_num(x) for x in v["v"]]


def _same(a, e):
    """Tagged values equal (doubles as numbers, NaN equal to NaN, like Objects.deepEquals)."""
    if not isinstance(a, dict) or not isinstance(e, dict) or a.get("t") != e.get("t"):
        return False
    t = a["t"]
    if t == "d":
        x, y = _num(a.get("v")), _num(e.get("v"))
        return x == y or (math.isnan(x) and math.isnan(y))
    if t == "da":
        xs, ys = _as_doubles(a), _as_doubles(e)
        return (
            a.get("n") == e.get("n")
            and xs is not None
            and ys is not None
            and len(xs) == len(ys)
            and all(x == y or (math.isnan(x) and math.isnan(y)) for x, y in zip(xs, ys, strict=True))
        )
    if t == "oa":
        va, ve = a.get("v") or [], e.get("v") or []
        return a.get("n") == e.get("n") and len(va) == len(ve) and all(_same(x, y) for x, y in zip(va, ve, strict=True))
    keys = ("v", "n", "cls")
    return all(a.get(k) == e.get(k) for k in keys)


def judge(ref, actual):
    """None when the student's ``actual`` passes the reference check ``ref``, else a message.

    Messages are built here from the instructor's description (``what``) and never contain the
    student's value or the expected one."""
    kind, what, e, tol = ref.get("k"), ref.get("what", "the value"), ref.get("e"), _num(ref.get("tol"))
    a = actual if isinstance(actual, dict) else {}
    t = a.get("t")
    if kind == "close":
        if isinstance(e, dict) and e.get("t") == "d":
            if t not in ("d", "l"):
                return f"{what} is not a number."
            return _double_problem(what, _num(a.get("v")), _num(e.get("v")), tol)
        want = _as_doubles(e) or []
        if t == "null":
            return f"{what} is null; it should be an array of {len(want)} numbers."
        got = _as_doubles(a)
        if got is None or a.get("n") != len(got):
            return f"{what} is not an array of numbers (or too long to compare)."
        if len(got) != len(want):
            return f"{what} has {len(got)} entr{'y' if len(got) == 1 else 'ies'}; it should have {len(want)}."
        bad = [
            p
            for p in (_double_problem(f"entry {i}", x, y, tol) for i, (x, y) in enumerate(zip(got, want, strict=True)))
            if p
        ]
        if bad:
            more = f" {len(bad) - 1} more entr{'y is' if len(bad) == 2 else 'ies are'} off too." if len(bad) > 1 else ""
            return f"{what}: {bad[0]}{more}"
        return None
    if kind == "equal":
        if isinstance(e, dict) and e.get("t") == "l" and t == "l":
            x, y = int(a["v"]), int(e["v"])
            return None if x == y else f"{what} is {'too small' if x < y else 'too large'}."
        return None if _same(a, e) else f"{what} is not right."
    if kind == "that":
        return None if t == "b" and a.get("v") is True else f"Not so: {what}."
    if kind == "finite":
        x = _num(a.get("v")) if t in ("d", "l") else math.nan
        if math.isnan(x):
            return f"{what} is NaN (not a number); it should be a finite number."
        return None if math.isfinite(x) else f"{what} is infinite; it should be a finite number."
    if kind == "inRange":
        x = _num(a.get("v")) if t in ("d", "l") else math.nan
        lo, hi = _num(ref.get("lo")), _num(ref.get("hi"))
        return None if lo <= x <= hi else f"{what} is outside [{ref.get('lo')}, {ref.get('hi')}]."
    if kind == "probabilities":
        p = _as_doubles(a)
        if p is None or a.get("n") != len(p):
            return f"{what} is not an array of probabilities."
        if not p:
            return f"{what} is empty; it should hold one probability per class."
        for i, x in enumerate(p):
            if not 0 <= x <= 1:
                return f"{what}: entry {i} is not a probability in [0, 1]."
        return None if abs(math.fsum(p) - 1) <= tol else f"{what} does not sum to 1."
    if kind == "throwsA":
        want = (e or {}).get("v")
        x = a.get("x") if t == "thrown" else None
        if not isinstance(x, dict):
            return f"{what} returned normally; it should throw {(e or {}).get('simple', 'an exception')}."
        if want in (x.get("chain") or []):
            return None
        return f"{what} threw {exception_class(x)}; it should throw {(e or {}).get('simple', 'an exception')}."
    return f"{what}: the grader does not know the check {kind!r}."


# ---------------------------------------------------------------------------------------------
# What of a student's exception may be shown

SAFE_MESSAGES = (
    re.compile(r"^/ by zero$"),
    re.compile(r"^[Ii]ndex -?\d{1,7} out of bounds for length \d{1,7}$"),
    re.compile(r"^Array index out of range: -?\d{1,7}$"),
    re.compile(r"^-?\d{1,7}$"),
    re.compile(r"^your code here$"),
)


def exception_class(x):
    """A JDK exception's simple name, or 'an exception of a class declared in your notebook'."""
    cls = str((x or {}).get("cls", ""))
    if re.fullmatch(r"(java|javax|jdk)\.[\w.$]{1,120}", cls):
        return cls.rsplit(".", 1)[-1]
    return "an exception of a class declared in your notebook"


def exception_text(x, methods):
    """A short description of a student's exception that carries no student-chosen text: the JDK
    class, a message only if it is one of a few JVM-generated shapes, and the method it came from
    only if that method is one the assignment asks for."""
    text = exception_class(x)
    msg = str((x or {}).get("msg", "")).strip()
    if text[0].isupper() and any(p.match(msg) for p in SAFE_MESSAGES):
        text += f": {msg}"
    at = str((x or {}).get("at", ""))
    if at in methods:
        text += f" (in {at})"
    return text


def is_stub(x):
    return (
        isinstance(x, dict)
        and x.get("cls") == "java.lang.UnsupportedOperationException"
        and str(x.get("msg", "")).strip() == "your code here"
    )
