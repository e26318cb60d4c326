"""Generated functions (seeded, reproducible: the seed is in every failure) are translated, and each expression gives
exactly the function's result or error for every edge value, as Python's eval of it says. The functions mix
assignments that may raise, branches, augmented assignments and every function of the language, so that the order
in which Python computes them is tested, not only their values.

POOLMAP_TEST_SEED=<seed> repeats a run; POOLMAP_TEST_FUNCTIONS=<n> sets how many functions (default 300).
"""

import ast
import contextlib
import os
import random
import sys
import tempfile
import types
import unittest

from poolmap import expression_of
from tests.language import EDGE_VALUES, POW, evaluate, in_language, outcome, power, without_complex

LEAVES = ["x", "x", "0", "1", "2", "3", "-1", "7", "(10**20)", "0.5", "2.5", "1e-3", "1e300", "True", "FACTOR"]
CALLS = ["abs({})", "min({}, {})", "max({}, {}, {})", "round({})", "round({}, 2)", "math.sqrt({})", "math.floor({})",
         "math.ceil({})", "math.log({})", "math.log({}, 2)", "math.exp({})", "math.gcd({}, {})", "math.isqrt({})",
         "int({})", "float({})", "pow({}, 2)", "math.trunc({})", "sqrt({})"]
#: what poolmap computes bit for bit as CPython does (its differences are exp, log and fractional powers, last bit)
EXACT_CALLS = [call for call in CALLS if "exp" not in call and "log" not in call]
EXPONENTS = ["2", "3", "-1", "0.5", "0"]
BINARY = ["+", "-", "*", "/", "//", "%"]
COMPARE = ["<", "<=", ">", ">=", "==", "!="]


class Generator:
    """Random function sources over a few names; every exponent is a small constant, so every item ends fast.
    ``exact`` leaves out what poolmap may compute one bit apart from CPython (exp, log, fractional powers)."""

    def __init__(self, seed, exact=False):
        self.random = random.Random(seed)
        self.calls = EXACT_CALLS if exact else CALLS
        self.exponents = [e for e in EXPONENTS if e != "0.5"] if exact else EXPONENTS

    def expression(self, names, depth):
        r = self.random
        if depth <= 0 or r.random() < 0.25:
            return r.choice(LEAVES + names * 2)
        kind = r.randrange(8)
        sub = lambda: self.expression(names, depth - 1)  # noqa: E731
        if kind <= 2:
            return "(%s %s %s)" % (sub(), r.choice(BINARY), sub())
        if kind == 3:
            return "(%s ** %s)" % (sub(), r.choice(self.exponents))
        if kind == 4:
            return r.choice(["(-%s)", "(not %s)", "(+%s)"]) % sub()
        if kind == 5:
            ops = [r.choice(COMPARE) for _ in range(r.randint(1, 2))]
            return "(" + sub() + "".join(" %s %s" % (op, sub()) for op in ops) + ")"
        if kind == 6:
            return r.choice(["(%s and %s)", "(%s or %s)", "(%s if %s else %s)"]).replace("%s", "{}").format(
                sub(), sub(), sub())
        call = r.choice(self.calls)
        return call.format(*[sub() for _ in range(call.count("{}"))])

    def block(self, names, depth, indent):
        """Statements that end in return on every path; ``names`` are the locals assigned on every path so far."""
        r, lines, names = self.random, [], list(names)
        for _ in range(r.randint(0, 3)):
            name = r.choice(["a", "b", "c"])
            if name in names and r.random() < 0.3:
                lines.append("%s%s %s= %s" % (indent, name, r.choice(["+", "-", "*"]), self.expression(names, 2)))
            else:
                lines.append("%s%s = %s" % (indent, name, self.expression(names, 3)))
                names.append(name)
        choice = r.randrange(4) if depth > 0 else 0
        if choice == 0:
            lines.append("%sreturn %s" % (indent, self.expression(names, 3)))
        elif choice == 1:  # if/else, both returning
            lines.append("%sif %s:" % (indent, self.expression(names, 2)))
            lines += self.block(names, depth - 1, indent + "    ")
            lines.append("%selse:" % indent)
            lines += self.block(names, depth - 1, indent + "    ")
        elif choice == 2:  # if that returns, then the rest
            lines.append("%sif %s:" % (indent, self.expression(names, 2)))
            lines += self.block(names, depth - 1, indent + "    ")
            lines += self.block(names, depth - 1, indent)
        else:  # if/else that both assign the same name, then the rest uses it
            lines.append("%sif %s:" % (indent, self.expression(names, 2)))
            lines.append("%s    d = %s" % (indent, self.expression(names, 2)))
            lines.append("%selse:" % indent)
            lines.append("%s    d = %s" % (indent, self.expression(names, 2)))
            lines += self.block(names + ["d"], depth - 1, indent)
        return lines

    def module(self, count):
        parts = ["import math", "from math import sqrt", "FACTOR = 3", ""]
        for number in range(count):
            if self.random.random() < 0.2:
                parts.append("f%d = lambda x: %s" % (number, self.expression([], 4)))
            else:
                parts.append("def f%d(x):" % number)
                parts += self.block([], 2, "    ")
            parts.append("")
        return "\n".join(parts) + "\n"


@contextlib.contextmanager
def generated_functions(seed, count, exact=False):
    """``count`` generated functions ``f0`` … of a module written to a file (the client reads their source there),
    and the module's source; the module runs as poolmap computes (a complex number fails the item)."""
    source = Generator(seed, exact).module(count)
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "generated_%d.py" % seed)
        with open(path, "w") as out:
            out.write(source)
        module = types.ModuleType("generated_%d" % seed)
        module.__file__ = path
        setattr(module, POW, power)
        exec(compile(without_complex(ast.parse(source)), path, "exec"), module.__dict__)
        yield [getattr(module, "f%d" % number) for number in range(count)], source


def a_seed():
    """POOLMAP_TEST_SEED, else a new one (each failure message prints it)."""
    return int(os.environ.get("POOLMAP_TEST_SEED", random.SystemRandom().randrange(2 ** 32)))


class GeneratedFunctionsComputeExactlyWhatPythonComputes(unittest.TestCase):

    def test_every_generated_function_and_its_expression_agree_on_every_edge_value(self):
        seed = a_seed()
        count = int(os.environ.get("POOLMAP_TEST_FUNCTIONS", "300"))
        disagreements = []
        with generated_functions(seed, count) as (functions, source):
            for number, function in enumerate(functions):
                try:
                    text = expression_of(function)["expression"]
                    in_language(text)
                except (TypeError, AssertionError) as refused:
                    disagreements.append("f%d was not translated: %s" % (number, refused))
                    continue
                for value in EDGE_VALUES:
                    expected, actual = outcome(lambda: function(value)), evaluate(text, value)
                    if expected != actual:
                        disagreements.append("f%d(%r): Python %r, expression %r gives %r\n    %s"
                                             % (number, value, expected, text, actual, text))
                        break
        self.assertEqual([], disagreements[:5], "seed %d (POOLMAP_TEST_SEED=%d repeats it): %d of %d functions "
                         "disagree; the module:\n%s" % (seed, seed, len(disagreements), count,
                                                        source if disagreements else ""))


if __name__ == "__main__":
    sys.exit(unittest.main())
