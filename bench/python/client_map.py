#!/usr/bin/env python3
"""The Python client row: one whole process that maps x*x over 1 … 1,000,000 on two workers, and checks the result.

    client_map.py poolmap           poolmap.Pool(2).map("x*x", range(1_000_000)), to POOLMAP_URL (clients/python on PYTHONPATH)
    client_map.py multiprocessing   multiprocessing.Pool(2).map(square, range(1_000_000))

bench.py times each as a whole process (interpreter start, imports, the map, the exit), in the same Python.
"""
import sys

N = 1_000_000


def square(x):
    return x * x


def main():
    if sys.argv[1:] == ["poolmap"]:
        import poolmap
        results = poolmap.Pool(2).map("x*x", range(N))
    elif sys.argv[1:] == ["multiprocessing"]:
        import multiprocessing
        with multiprocessing.Pool(2) as pool:
            results = pool.map(square, range(N))
    else:
        sys.exit("usage: client_map.py poolmap|multiprocessing")
    if len(results) != N or results[-1] != (N - 1) ** 2 or results[12345] != 12345 ** 2:
        sys.exit("wrong results: %d items, last %r" % (len(results), results[-1]))


if __name__ == "__main__":
    main()
