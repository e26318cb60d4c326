"""Functions as users write them, for the translation tests: each is read from this file's source."""

import functools
import math
from math import floor, sqrt

FACTOR = 3
NEGATIVE = -5
HALF = 0.5
SEEN = []
LOOKUP = {1: 2}


def double(n):
    return n * 2


def worker_function(arg):
    result = arg * 2
    return result


def square(x):
    return x * x


def documented(item):
    """A docstring is not code."""
    return item + 1


def collatz_step(n):
    if n % 2 == 0:
        return n // 2
    else:
        return 3 * n + 1


def sign(v):
    if v > 0:
        return 1
    elif v < 0:
        return -1
    return 0


def assigned_in_both_branches(v):
    if v >= 10:
        label = v // 10
    else:
        label = -v
    return label * 2


def augmented(v):
    total = v
    total += 1
    total *= total
    total -= v
    return total


def annotated(v):
    scaled: float = v * HALF
    return scaled


def division_kept_in_place(v):
    inverse = 1 / v
    return 0 if v == 0 else inverse


def order_of_errors(v):
    first = 1 // v
    second = sqrt(v - 5)
    return second + first


def unused_but_raising(v):
    ignored = math.log(v)
    return v


def raising_then_branch(v):
    ratio = 10 % v
    if ratio > 2:
        return ratio
    return -ratio


def globals_and_closures_as_constants(v):
    return v * FACTOR + NEGATIVE ** 2 - math.pi


def conversions(v):
    return int(v) + float(v) + pow(v, 2) + math.trunc(v)


def rounding(v, digits=2):
    return round(v / 3, digits)


def functions_of_math(v):
    return math.sqrt(abs(v)) + floor(v) + math.ceil(v) + math.gcd(int(v), 12) + max(v, 0, -v) + min(v, 1)


def logarithms(v):
    return math.log(v, 10) + math.exp(min(v, 700)) + math.isqrt(abs(int(v)))


def chained_comparison(v):
    return 0 < v < 10 and v % 2 == 0 or not v


def keyword_only_default(v, *, offset=7):
    return v - offset


def made_closure(factor):
    def scaled(v):
        return v * factor
    return scaled


triple = made_closure(3)
cube = lambda v: v ** 3  # noqa: E731
lambdas_on_one_line = (lambda v: v + 1, lambda v: v - 1)  # noqa: E731


@functools.lru_cache(maxsize=None)
def cached(v):
    return v + 1


def registered(function):
    return function


@registered
def decorated_but_itself(v):
    return v - 2


# --- refused ---------------------------------------------------------------------------------------------------------

def prints(v):
    print(v)
    return v


def loops(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def calls_another(v):
    return double(v) + 1


def closure_over_list(v):
    return v + len(SEEN)


def reads_a_dict(v):
    return LOOKUP[v]


def two_parameters(a, b):
    return a + b


def variadic(*values):
    return values[0]


def no_return(v):
    v * 2


def returns_none(v):
    return


def falls_through(v):
    if v > 0:
        return v


def maybe_unbound(v):
    if v > 0:
        result = v
    return result


def bitwise(v):
    return v << 1


def a_string(v):
    return "v"


def an_attribute(v):
    return v.real


def a_generator(v):
    yield v


async def asynchronous(v):
    return v


def tries(v):
    try:
        return 1 / v
    except ZeroDivisionError:
        return 0


def imports(v):
    import os
    return v + len(os.sep)


def declares_global(v):
    global FACTOR
    return v * FACTOR


def identity_comparison(v):
    return v is None


def keyword_arguments(v):
    return round(v, ndigits=2)


def wrong_arity(v):
    return abs(v, 2)


def not_in_the_language(v):
    return math.fsum([v])


def infinite_constant(v):
    return v + math.inf


def nested_function(v):
    def inner(w):
        return w
    return v


def tuple_assignment(v):
    a, b = v, v
    return a


def walrus(v):
    return (y := v) + y


class Holder:
    def method(self, v):
        return v


partial_double = functools.partial(pow, 2)
