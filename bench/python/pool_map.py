#!/usr/bin/env python3
"""The Python anchor: what poolmap replaces, timed as a whole process.

Reads the same JSON body that bench/run posts to poolmap ({"operation": ..., "numbers": [...]}),
runs multiprocessing.Pool(processes=N).map(f, numbers) and writes {"results": [...]} as JSON, so that
`time python3 pool_map.py request.json results.json` is the seed's own code path end to end.
"""
import json
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


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: pool_map.py REQUEST.json RESULTS.json [PROCESSES]")
    processes = int(sys.argv[3]) if len(sys.argv) == 4 else 2
    with open(sys.argv[1]) as source:
        request = json.load(source)
    function = OPERATIONS[request["operation"]]
    with multiprocessing.Pool(processes=processes) as pool:
        results = pool.map(function, request["numbers"])
    with open(sys.argv[2], "w") as target:
        json.dump({"results": results}, target, separators=(",", ":"))


if __name__ == "__main__":
    main()
