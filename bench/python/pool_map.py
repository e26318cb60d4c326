#!/usr/bin/env python3
"""The Python anchor: what poolmap replaces, timed as a whole process.

Reads the same JSON body that bench/run posts to poolmap ({"operation": ..., "numbers": [...]}, or
{"expression": "x**2 + 3*x + 1", "numbers": [...]}), runs multiprocessing.Pool(processes=N).map(f, numbers) and
writes {"results": [...]} as JSON, so that `time python3 pool_map.py request.json results.json` is the seed's own
code path end to end. An expression becomes a real function, `def expression(x): return <expression>`, defined in
each process before the map (Pool cannot send a lambda: it pickles the function by name), with math's functions.
"""
import json
import math
import multiprocessing
import sys


def square(x):
    return x * x


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    if n % 3 == 0:
        return n == 3
    i = 5
    while i * i <= n:
        if n % i == 0 or n % (i + 2) == 0:
            return False
        i += 6
    return True


OPERATIONS = {"square": square, "collatz_steps": collatz_steps, "is_prime": is_prime}


def define_expression(source):
    """Defines the module-level function `expression` in this process (the parent, and each worker as it starts)."""
    namespace = {name: getattr(math, name) for name in ("sqrt", "floor", "ceil", "log", "exp", "gcd", "isqrt", "pi", "e")}
    namespace["math"] = math
    exec("def expression(x):\n    return " + source, namespace)
    globals()["expression"] = namespace["expression"]
    namespace["expression"].__module__ = __name__


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: pool_map.py REQUEST.json RESULTS.json [PROCESSES]")
    processes = int(sys.argv[3]) if len(sys.argv) == 4 else 2
    with open(sys.argv[1]) as source:
        request = json.load(source)
    if "expression" in request:
        define_expression(request["expression"])
        function, setup = globals()["expression"], (define_expression, (request["expression"],))
    else:
        function, setup = OPERATIONS[request["operation"]], (None, ())
    with multiprocessing.Pool(processes=processes, initializer=setup[0], initargs=setup[1]) as pool:
        results = pool.map(function, request["numbers"])
    with open(sys.argv[2], "w") as target:
        json.dump({"results": results}, target, separators=(",", ":"))


if __name__ == "__main__":
    main()
