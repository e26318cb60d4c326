"""Python 3 itself as the reference for poolmap's expressions (PythonDifferentialTest).

Reads JSON lines {"id": n, "source": "...", "inputs": [{"int": "12"} | {"float": "<IEEE bits as int64>"} |
{"bool": true}, ...]} on stdin and writes one JSON line per case: {"id": n, "results": [...]} with each result
{"int": "..."}, {"float": "<bits>", "repr": "..."}, {"bool": b} or {"error": "ZeroDivisionError", "message": "..."};
or {"id": n, "syntax": "..."} when the source is not valid Python.

The expression runs with Python's own eval, in a namespace of only the names poolmap allows. One change is made to
the tree: each `a ** b` becomes `__pow(a, b)`, which raises ComplexResult when Python's result is complex, because
poolmap refuses complex numbers where they arise, while Python would carry on with them.
"""
import ast
import json
import math
import struct
import sys
import warnings

warnings.simplefilter("ignore")
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


class ComplexResult(Exception):
    pass


def _pow(a, b):
    result = a ** b
    if isinstance(result, complex):
        raise ComplexResult(repr(result))
    return result


class PowAsCall(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Pow):
            call = ast.Call(func=ast.Name(id="__pow", ctx=ast.Load()), args=[node.left, node.right], keywords=[])
            return ast.copy_location(call, node)
        return node


NAMESPACE = {"__builtins__": {}, "abs": abs, "min": min, "max": max, "round": round, "math": math,
             "pi": math.pi, "e": math.e, "__pow": _pow}
for _name in ("sqrt", "floor", "ceil", "log", "exp", "gcd", "isqrt"):
    NAMESPACE[_name] = getattr(math, _name)


def decode(value):
    if "int" in value:
        return int(value["int"])
    if "float" in value:
        return struct.unpack("<d", struct.pack("<q", int(value["float"])))[0]
    return bool(value["bool"])


def encode(result):
    if isinstance(result, bool):
        return {"bool": result}
    if isinstance(result, int):
        return {"int": str(result)}
    if isinstance(result, float):
        return {"float": str(struct.unpack("<q", struct.pack("<d", result))[0]), "repr": repr(result)}
    return {"other": repr(result)}


def run(case):
    try:
        tree = ast.parse(case["source"], mode="eval")
    except SyntaxError as error:
        return {"id": case["id"], "syntax": str(error.msg)}
    code = compile(ast.fix_missing_locations(PowAsCall().visit(tree)), "<expression>", "eval")
    results = []
    for value in case["inputs"]:
        try:
            results.append(encode(eval(code, NAMESPACE, {"x": decode(value)})))
        except ComplexResult as error:
            results.append({"error": "ComplexResult", "message": str(error)})
        except Exception as error:  # every Python error is a result to compare
            results.append({"error": type(error).__name__, "message": str(error)})
    return {"id": case["id"], "results": results}


for line in sys.stdin:
    if line.strip():
        print(json.dumps(run(json.loads(line))), flush=False)
sys.stdout.flush()
