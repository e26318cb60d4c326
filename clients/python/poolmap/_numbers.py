"""Numbers to and from poolmap's JSON, exactly: Python's ``int`` at any size both ways, ``float`` as IEEE-754 doubles.

``json`` keeps integers exact, but since Python 3.11 (and 3.10.7, 3.9.14) ``int`` refuses to convert more than 4,300
digits to or from text; poolmap's results may be longer (``factorial`` of 2,000 has 5,736 digits), so such integers
are converted a piece at a time. Booleans, NaN and infinities are refused before anything is sent: JSON has no NaN,
and poolmap maps numbers (``True`` would come back as ``1`` where Python's function saw ``True``).
"""

import json
import operator

_PIECE = 4000  # digits converted at once, below every Python's int_max_str_digits (4,300 by default, 640 at least)


def encode(numbers):
    """The JSON text of a list of numbers; ``TypeError`` or ``ValueError`` naming the first item that is not one."""
    if isinstance(numbers, range):
        return json.dumps(list(numbers), separators=(",", ":"))
    if not set(map(type, numbers)) <= {int, float}:
        numbers = [_number(index, value) for index, value in enumerate(numbers)]
    try:
        return json.dumps(numbers, allow_nan=False, separators=(",", ":"))
    except ValueError as refused:
        for index, value in enumerate(numbers):
            if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
                raise ValueError("numbers[%d] is %r, which a JSON number cannot hold" % (index, value)) from None
        if "digits" not in str(refused):
            raise
        return "[" + ",".join(_int_text(v) if isinstance(v, int) else json.dumps(v) for v in numbers) + "]"


def _number(index, value):
    if isinstance(value, bool):
        raise TypeError("numbers[%d] is %r, a bool: poolmap maps numbers; send int(%r) if that is what you mean"
                        % (index, value, value))
    if isinstance(value, (int, float)):
        return value
    try:
        return operator.index(value)  # numpy's integers, for one
    except TypeError:
        pass
    raise TypeError("numbers[%d] is %r, a %s: poolmap maps int and float values (exact integers and IEEE-754 doubles)"
                    % (index, value, type(value).__name__))


def decode(text):
    """Parses poolmap's JSON, keeping integers of any length exact."""
    try:
        return json.loads(text)
    except ValueError as refused:
        if "digits" not in str(refused) and "integer string conversion" not in str(refused):
            raise
        return json.loads(text, parse_int=_int_of)


def _int_of(text):
    if len(text) <= _PIECE:
        return int(text)
    negative = text.startswith("-")
    digits = text[1:] if negative else text
    value = 0
    for start in range(0, len(digits), _PIECE):
        piece = digits[start:start + _PIECE]
        value = value * 10 ** len(piece) + int(piece)
    return -value if negative else value


def _int_text(value):
    if abs(value) < 10 ** _PIECE:
        return str(value)
    digits, pieces, rest = [], 10 ** _PIECE, abs(value)
    while rest:
        rest, piece = divmod(rest, pieces)
        digits.append(piece)
    text = str(digits[-1]) + "".join(str(piece).zfill(_PIECE) for piece in reversed(digits[:-1]))
    return "-" + text if value < 0 else text
