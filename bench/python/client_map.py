#!/usr/bin/env python3
"""The Python client rows: one whole process that maps a function over 1 … 1,000,000 on two workers, and checks it.

    client_map.py poolmap [square|collatz_steps]           poolmap.Pool(2).map("x*x" or "collatz_steps", range(…)),
                                                           to POOLMAP_URL (clients/python on PYTHONPATH)
    client_map.py multiprocessing [square|collatz_steps]   multiprocessing.Pool(2).map(square or collatz_steps, range(…))

bench.py times each as a whole process (interpreter start, imports, the map, the exit), in the same Python.
"""
import sys

N = 1_000_000


def square(x):
    return x * x


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


#: what poolmap is given for each function: the expression the client would send for square, the built-in operation
#: for collatz_steps (a loop cannot be an expression)
ON_POOLMAP = {"square": "x*x", "collatz_steps": "collatz_steps"}
CHECKS = {"square": {N - 1: (N - 1) ** 2, 12345: 12345 ** 2}, "collatz_steps": {27: 111, 1: 0, N: 152}}


def main():
    if len(sys.argv) not in (2, 3) or sys.argv[1] not in ("poolmap", "multiprocessing") \
            or sys.argv[2:] not in ([], ["square"], ["collatz_steps"]):
        sys.exit("usage: client_map.py poolmap|multiprocessing [square|collatz_steps]")
    name = sys.argv[2] if len(sys.argv) == 3 else "square"
    numbers = range(N) if name == "square" else range(1, N + 1)
    if sys.argv[1] == "poolmap":
        import poolmap
        results = poolmap.Pool(2).map(ON_POOLMAP[name], numbers)
    else:
        import multiprocessing
        with multiprocessing.Pool(2) as pool:
            results = pool.map(globals()[name], numbers)
    wrong = {n: results[n - numbers[0]] for n, want in CHECKS[name].items() if results[n - numbers[0]] != want}
    if len(results) != N or wrong:
        sys.exit("wrong results: %d items, wrong at %r" % (len(results), wrong))


if __name__ == "__main__":
    main()
