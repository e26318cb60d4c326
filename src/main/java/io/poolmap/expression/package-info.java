/**
 * Client expressions: Python 3 expressions in one variable {@code x}, such as {@code x**2 + 3*x + 1}, compiled once
 * per job and evaluated per item with Python's exact semantics, safely and at a bounded cost.
 *
 * <h2>Use</h2>
 * {@link io.poolmap.expression.ExpressionCompiler#compile(String)}, under the
 * {@link io.poolmap.expression.ExpressionLimits} of {@code poolmap.expressions.*}, gives a
 * {@link io.poolmap.expression.CompiledExpression} or throws an
 * {@link io.poolmap.expression.ExpressionSyntaxException} that says where the source is wrong;
 * {@link io.poolmap.expression.CompiledExpression#apply} and
 * {@link io.poolmap.expression.CompiledExpression#applyRange} compute items of a
 * {@link io.poolmap.operation.Numbers} batch, and an item that has no value throws an
 * {@link io.poolmap.expression.ExpressionItemException} that names Python's exception.
 *
 * <h2>The language</h2>
 * Python 3's grammar, restricted to these rules (lowest precedence first):
 * <pre>
 * expression  = disjunction [ "if" disjunction "else" expression ]
 * disjunction = conjunction { "or" conjunction }
 * conjunction = inversion { "and" inversion }
 * inversion   = "not" inversion | comparison
 * comparison  = sum { ( "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=" ) sum }       chains: 0 &lt; x &lt; 10
 * sum         = term { ( "+" | "-" ) term }
 * term        = factor { ( "*" | "/" | "//" | "%" ) factor }
 * factor      = ( "+" | "-" ) factor | power                                -x**2 is -(x**2)
 * power       = primary [ "**" factor ]                                       2**-1, 2**3**2 is 2**9
 * primary     = NUMBER | "True" | "False" | "x" | "pi" | "e" | "math.pi" | "math.e" | "(" expression ")"
 *             | [ "math." ] FUNCTION "(" [ expression { "," expression } [ "," ] ] ")"
 * FUNCTION    = abs | min | max | round                (Python's built-ins; min and max take 2 or more arguments)
 *             | sqrt | floor | ceil | log | exp | gcd | isqrt     (math's, with or without "math.")
 * </pre>
 * {@code NUMBER} is any of Python's int and float literals: {@code 1_000}, {@code 0x1F}, {@code 0o17},
 * {@code 0b1010}, {@code 1.5}, {@code .5}, {@code 5.}, {@code 1e-3}. Spaces, tabs, {@code #} comments, line breaks
 * inside parentheses and backslash continuations are as in Python.
 *
 * <p>The semantics are CPython 3.11's, operation by operation, with its exception types and messages: ints are
 * exact at any size ({@code long} while they fit, then {@code BigInteger}); {@code /} is true division, correctly
 * rounded even for huge ints ({@code 10**400 / 10**399 == 10.0}); {@code //} and {@code %} are floored for ints and
 * floats ({@code -7 // 2 == -4}, {@code 7.5 % -2 == -0.5}); {@code **} with a negative int exponent is a float, and
 * {@code 0 ** -1} raises {@code ZeroDivisionError}; an int too large for a double raises {@code OverflowError} where
 * Python converts it; comparisons between ints and floats are exact ({@code 2**53 + 1 > 2.0**53}); {@code and} and
 * {@code or} give the operand that decided ({@code x and 5}) and short-circuit, as do chains and conditionals;
 * bools are ints ({@code True + 1 == 2}); {@code round} rounds half to even, on the exact value of a float
 * ({@code round(2.675, 2) == 2.67}). A test runs thousands of generated expressions through the machine's own
 * {@code python3} and compares every result and error.
 *
 * <h2>Where poolmap differs from Python, and why</h2>
 * <ul>
 * <li>A complex number ({@code (-8) ** 0.5}) fails the item with {@code ComplexResult}, where Python would go on
 *     computing with it: poolmap's numbers are JSON numbers, which are real.</li>
 * <li>A result of {@code inf} or {@code nan} ({@code 1e308 * 10}) fails the item with {@code NonFiniteResult}: a JSON
 *     number cannot hold it. Infinities and NaNs on the way to a finite result are computed as Python does
 *     ({@code 1e400 > x} is fine).</li>
 * <li>An int with more digits than {@code poolmap.expressions.max-digits}, anywhere in the computation, fails the item
 *     with {@code LimitError}, before it is computed: {@code 10**10**10} fails at once, where Python would compute
 *     for hours; so does an item whose work on large ints would pass {@code poolmap.expressions.max-work}.</li>
 * <li>What Python finds only when it runs, poolmap refuses when it compiles: an unknown name ({@code NameError}), an
 *     attribute ({@code AttributeError}), a wrong number of arguments ({@code abs(x, 1)}, {@code max(x)}:
 *     {@code TypeError}).</li>
 * <li>{@code round(n, -k)} of an int with {@code k} beyond its digits is 0 at once; CPython first computes
 *     {@code 10**k}, which never ends for a huge {@code k}.</li>
 * <li>{@code exp}, {@code log} and powers with a fractional exponent come from Java's {@code Math}, as CPython's come
 *     from the C library: both are within one unit in the last place of the exact value, neither is correctly
 *     rounded, so a result may differ from a given CPython build in its last bit (about one item in 20,000 in the
 *     differential test). Everything else, {@code sqrt} included, is bit for bit Python's.</li>
 * <li>Names are ASCII: Python reads {@code ｘ} as {@code x} (NFKC normalisation); poolmap refuses it.</li>
 * <li>Bitwise operators, strings, and everything that is not listed above are refused: it is a language for
 *     computing with numbers.</li>
 * </ul>
 *
 * <h2>Safe and bounded by construction</h2>
 * There are no names but {@code x}, the functions and the constants above; no attribute access but the
 * {@code math.} prefix, no subscripts, lambdas, comprehensions, assignments, strings or loops, and no call into
 * Java: an expression can only compute. The source is at most {@code max-length} characters and its tree at most
 * {@code max-depth} deep (the parser reads each token once, never backtracks, and recurses no deeper), so any input
 * is parsed fast; every int is bounded by {@code max-digits}, and the work of one item on ints beyond a long by
 * {@code max-work}, each checked before the operation that would pass it, so that one item takes a few milliseconds
 * at most, whatever the expression (about 4 ms for the worst that {@code CostLimitsTest} tries, on a 2-core
 * machine); constant folding at compile time shares one item's budget.
 *
 * <h2>How it runs</h2>
 * A hand-written lexer and recursive-descent parser, one method per precedence level of Python's grammar: the
 * grammar is small, and writing it gives exactly Python's precedence, literals and error positions, with bounded
 * recursion and no dependency; a parser generator would have given none of the semantics, which are the hard part.
 * Constant sub-expressions are folded once. For an input that is a {@code long}, a tree of nodes specialised for
 * {@code long}, {@code double} and {@code boolean} computes without boxing and gives up (to the interpreter) on an
 * overflow or an error; every other input, and every item it gives up on, goes through an interpreter of the syntax
 * tree that follows CPython's C code and is the reference.
 */
package io.poolmap.expression;
