"""poolmap's expression language as the tests need it: evaluating an expression with Python's ``eval`` and nothing but
the language's names, checking that a text stays inside its grammar, and comparing outcomes exactly."""

import ast
import functools
import math

FUNCTIONS = {"abs": abs, "min": min, "max": max, "round": round, "sqrt": math.sqrt, "floor": math.floor,
             "ceil": math.ceil, "log": math.log, "exp": math.exp, "gcd": math.gcd, "isqrt": math.isqrt}
CONSTANTS = {"pi": math.pi, "e": math.e}
_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Call, ast.Name,
          ast.Constant, ast.Load, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.USub,
          ast.UAdd, ast.Not, ast.And, ast.Or, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)

# numbers a JSON request can carry, with the edges of int, long, double and their conversions
EDGE_VALUES = [0, 1, -1, 2, 3, 5, 6, -7, 10, 11, 12, 2 ** 31, 2 ** 53 + 1, 2 ** 63 - 1, -2 ** 63, 10 ** 30, -10 ** 30,
               10 ** 400, -(10 ** 400), 0.0, -0.0, 0.5, -2.5, 1.5, 3.75, 1e-300, 1e300, -1e308, 123456.789]


def in_language(text):
    """Raises AssertionError unless ``text`` is made only of what poolmap's expressions have."""
    tree = ast.parse(text, mode="eval")
    for node in ast.walk(tree):
        assert isinstance(node, _NODES), "%s is not in the language: %r" % (type(node).__name__, text)
        if isinstance(node, ast.Name):
            assert node.id == "x" or node.id in FUNCTIONS or node.id in CONSTANTS, "name %s in %r" % (node.id, text)
        if isinstance(node, ast.Call):
            assert isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS and not node.keywords, text
        if isinstance(node, ast.Constant):
            assert type(node.value) in (int, float, bool), "constant %r in %r" % (node.value, text)


def evaluate(text, value):
    """The outcome of ``text`` for ``x = value``, evaluated by Python with the language's names only (and complex
    numbers refused where they appear, as poolmap refuses them)."""
    names = dict(FUNCTIONS, **CONSTANTS)
    names["x"] = value
    names[POW] = power
    return outcome(lambda: eval(_compiled(text), {"__builtins__": {}}, names))


@functools.lru_cache(maxsize=16)
def _compiled(text):
    return compile(without_complex(ast.parse(text, mode="eval")), "<expression>", "eval")


POW = "_power_without_complex"


def power(base, exponent):
    """``base ** exponent`` as poolmap computes it: where Python would go on with a complex number, poolmap fails the
    item (ComplexResult, one of the differences listed in expression/package-info.java)."""
    result = base ** exponent
    if isinstance(result, complex):
        raise ArithmeticError("ComplexResult")
    return result


def without_complex(tree):
    """``tree`` with every ``a ** b`` computed by :func:`power`; lines and columns stay where they were."""
    class Powers(ast.NodeTransformer):
        def visit_BinOp(self, node):  # noqa: N802 (NodeTransformer's naming)
            self.generic_visit(node)
            if isinstance(node.op, ast.Pow):
                return ast.copy_location(ast.Call(ast.Name(POW, ast.Load()), [node.left, node.right], []), node)
            return node

    return ast.fix_missing_locations(Powers().visit(tree))


def outcome(compute):
    """``("value", type, value)`` or ``("raises", type, message)``, comparable exactly (NaN and -0.0 included)."""
    try:
        result = compute()
    except Exception as error:  # noqa: BLE001 (the outcome being compared)
        return ("raises", type(error).__name__, str(error))
    if isinstance(result, float):
        return ("value", "float", "nan" if result != result else result.hex())
    return ("value", type(result).__name__, result)
