"""What ``map`` is given, as poolmap computes it: an operation's name, an expression, or a Python function whose
body can be written as one expression in ``x``.

A function is read from its source (``linecache`` and ``ast``, never by running or pickling it) and translated only
when the expression computes exactly what the function would, item for item, errors included:

* one parameter (others only with number defaults, which become constants); its name becomes ``x``;
* a body of simple assignments (``y = …``, ``y += …``), ``if``/``elif``/``else`` and ``return``, a docstring, ``pass``;
* numbers, ``True``/``False``, the parameter and locals; module globals, closure variables and defaults that hold
  numbers (their values when ``map`` is called); ``+ - * / // % **``, comparisons, ``and or not``, ``a if c else b``;
  ``abs min max round pow int float`` and ``math``'s ``sqrt floor ceil log exp gcd isqrt trunc`` and constants.

Locals are written out where they are used. Python computes an assignment when it reaches it, so one that may raise
(``y = 1 / x``) and is not certainly the first thing the rest computes is kept in its place with
``(abs(y) < 0 or rest)``: ``abs(…) < 0`` is always false, so the expression gives ``rest`` after computing ``y`` first,
as Python does. Anything else raises ``TypeError`` saying why and what to do instead.
"""

import ast
import builtins
import copy
import functools
import linecache
import math
import types

__all__ = ["target_of", "Translated"]

_NAMES_OF_THE_LANGUAGE = {"x", "True", "False", "pi", "e"}
_INSTEAD = ("Instead: give map an operation's name or an expression as a string (pool.map(\"square\", items), "
            "pool.map(\"x**2 + 1\", items)), or ask the operator of poolmap for an operation plug-in.")
#: functions of the language, by their Python object, with their argument counts (min, max)
_FUNCTIONS = {abs: ("abs", 1, 1), min: ("min", 2, None), max: ("max", 2, None), round: ("round", 1, 2),
              math.sqrt: ("sqrt", 1, 1), math.floor: ("floor", 1, 1), math.ceil: ("ceil", 1, 1),
              math.log: ("log", 1, 2), math.exp: ("exp", 1, 1), math.gcd: ("gcd", 0, None),
              math.isqrt: ("isqrt", 1, 1)}
#: Python functions written with the language's: int, float, pow, math.trunc
_REWRITTEN = {int: ("int", 1, 1), float: ("float", 1, 1), pow: ("pow", 2, 2), math.trunc: ("trunc", 1, 1)}
#: functions that never raise on numbers: with + - * and constant // %, they make up the pure expressions
_PURE_FUNCTIONS = {"abs", "min", "max"}
_MAX_NODES = 20_000
_REASONS = {
    ast.For: "a for loop: an expression has no loops (an operation such as collatz_steps, or a plug-in, can loop)",
    ast.While: "a while loop: an expression has no loops (an operation such as collatz_steps, or a plug-in, can loop)",
    ast.Try: "try/except: an expression cannot catch errors", ast.With: "a with block",
    ast.Raise: "raise: an expression cannot raise on purpose", ast.Assert: "assert",
    ast.Import: "an import inside the function", ast.ImportFrom: "an import inside the function",
    ast.Global: "global: state outside the function", ast.Nonlocal: "nonlocal: state outside the function",
    ast.Delete: "del", ast.FunctionDef: "a nested function", ast.ClassDef: "a class",
    ast.AsyncFunctionDef: "a nested function", ast.AsyncFor: "a loop", ast.AsyncWith: "a with block",
}


def target_of(func):
    """``{"operation": name}`` or ``{"expression": text}`` for ``func``; ``TypeError`` when it cannot be sent."""
    if isinstance(func, str):
        text = func.strip()
        if not text:
            raise TypeError("an empty string is neither an operation nor an expression")
        if text.isidentifier() and text not in _NAMES_OF_THE_LANGUAGE:
            return {"operation": text}
        return {"expression": text}
    if isinstance(func, (types.BuiltinFunctionType, type)):
        return Translated(expression=_builtin(func))
    if isinstance(func, types.FunctionType):
        try:
            return Translated(expression=_Function(func).translate())
        except TypeError as refused:
            raise refused.with_traceback(None) from None  # the reason, without the translator's frames
    raise TypeError(_why_not_callable(func))


def _builtin(func):
    known = (_FUNCTIONS.get(func) or _REWRITTEN.get(func)) if _hashable(func) else None
    if known is None or known[1] > 1 or (known[2] is not None and known[2] < 1):
        raise TypeError("poolmap cannot compute %s: it is not a function of poolmap's expressions. %s"
                        % (getattr(func, "__name__", func), _INSTEAD))
    return ast.unparse(_Function.rewrite(known[0], [ast.Name("x")]))


def _why_not_callable(func):
    if isinstance(func, types.MethodType):
        what = "the method %s: it carries its object's state" % func.__qualname__
    elif isinstance(func, functools.partial):
        what = "a functools.partial: write a function of one number, or a lambda, instead"
    elif callable(func):
        what = "%r: only functions (def or lambda), operations' names and expressions can be sent" % (func,)
    else:
        what = "%r: it is not callable" % (func,)
    return "poolmap cannot compute %s. %s" % (what, _INSTEAD)


class Translated(dict):
    """An expression that the client made from a Python function (rather than one the caller wrote)."""


@functools.lru_cache(maxsize=64)
def _definitions(source):
    """The functions and lambdas of a module's source by the line Python's code objects start at (a function's
    first decorator, else its def)."""
    by_line = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            by_line.setdefault(min([node.lineno] + [d.lineno for d in node.decorator_list]), []).append(node)
        elif isinstance(node, ast.Lambda):
            by_line.setdefault(node.lineno, []).append(node)
    return by_line


class _Binding:
    """A local: its value, whether computing it can raise, and its place among the other locals."""

    __slots__ = ("value", "pure", "ident")

    def __init__(self, value, pure, ident):
        self.value, self.pure, self.ident = value, pure, ident


class _Ref(ast.expr):
    """A local whose value may raise, in the expression until it is written out (``_fields`` for ``ast.walk``)."""

    _fields = ()

    def __init__(self, binding):
        super().__init__()
        self.binding = binding

    def __deepcopy__(self, memo):
        return _Ref(self.binding)  # the local is shared, not copied


class _Function:
    """One Python function, translated into an expression."""

    def __init__(self, func):
        self.func = func
        self.code = func.__code__
        self.where = "%s() (%s, line %d)" % (func.__name__, self.code.co_filename, self.code.co_firstlineno)
        self.node, self.lines = self._find()
        self.locals = set()
        self.nodes = 0
        self.bindings = 0

    # --- finding the source ---------------------------------------------------------------------------------

    def _find(self):
        lines = linecache.getlines(self.code.co_filename, self.func.__globals__)
        if not lines:
            raise self.refuse(None, "its source cannot be read (a function typed at the interactive prompt or made "
                                    "with exec has none): define it in a file")
        try:
            definitions = _definitions("".join(lines))
        except SyntaxError:
            raise self.refuse(None, "its file no longer parses as Python") from None
        first = self.code.co_firstlineno
        if self.code.co_name == "<lambda>":
            candidates = [n for n in definitions.get(first, ()) if isinstance(n, ast.Lambda)]
            arguments = list(self.code.co_varnames[:self.code.co_argcount + self.code.co_kwonlyargcount])
            candidates = [n for n in candidates
                          if [a.arg for a in n.args.posonlyargs + n.args.args + n.args.kwonlyargs] == arguments]
            if len({ast.dump(n) for n in candidates}) > 1:
                candidates = self._by_position(candidates)
        else:
            candidates = [n for n in definitions.get(first, ()) if not isinstance(n, ast.Lambda)
                          and n.name == self.code.co_name]
        if not candidates or len({ast.dump(n) for n in candidates}) > 1:
            raise self.refuse(None, "its source is not where Python says it is (line %d of %s), or several lambdas "
                                    "there look alike: put it on a line of its own" % (first, self.code.co_filename))
        return candidates[0], lines

    def _by_position(self, candidates):
        """Lambdas on one line told apart by the column of their body (Python 3.11+ knows it)."""
        positions = getattr(self.code, "co_positions", None)
        if positions is None:
            return candidates
        columns = {column for _, _, column, _ in positions() if column is not None}
        return [n for n in candidates if n.body.col_offset in columns]

    # --- the function as a whole --------------------------------------------------------------------------------

    def translate(self):
        node = self.node
        if isinstance(node, ast.AsyncFunctionDef):
            raise self.refuse(node, "it is async")
        if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ast.walk(node)):
            raise self.refuse(node, "it is a generator (yield)")
        env = self._parameters(node.args)
        if isinstance(node, ast.Lambda):
            expression = self.expression(node.body, env)
        else:
            for statement in node.body:
                for target in ast.walk(statement):
                    if isinstance(target, ast.Name) and isinstance(target.ctx, ast.Store):
                        self.locals.add(target.id)
            expression = self.block(node.body, env, ())
        tree = self.written_out(expression)
        try:
            return ast.unparse(ast.fix_missing_locations(tree))
        except ValueError as too_long:  # an int beyond int_max_str_digits
            raise self.refuse(node, str(too_long)) from None

    def _parameters(self, args):
        positional = args.posonlyargs + args.args
        if args.vararg or args.kwarg:
            raise self.refuse(self.node, "it takes *args or **kwargs; map calls it with one number")
        if not positional:
            raise self.refuse(self.node, "it takes no parameter; map calls it with one number")
        self.parameter = positional[0].arg
        env = {self.parameter: _Binding(ast.Name("x"), True, None)}
        defaults = self.func.__defaults__ or ()
        with_defaults = positional[len(positional) - len(defaults):]
        for arg, value in zip(with_defaults, defaults):
            if arg is not positional[0]:
                env[arg.arg] = _Binding(self.constant(value, arg, "the default of " + arg.arg), True, None)
        if len(positional) - len(defaults) > 1:
            raise self.refuse(self.node, "it takes %d parameters without defaults; map calls it with one number"
                              % (len(positional) - len(defaults)))
        for arg in args.kwonlyargs:
            if arg.arg not in (self.func.__kwdefaults__ or {}):
                raise self.refuse(self.node, "its keyword-only parameter %s has no default" % arg.arg)
            env[arg.arg] = _Binding(self.constant(self.func.__kwdefaults__[arg.arg], arg, arg.arg), True, None)
        return env

    # --- statements ---------------------------------------------------------------------------------------------

    def block(self, statements, env, pending):
        """The expression of ``statements`` run from ``env``; ``pending``: locals that may raise, not yet computed."""
        env = dict(env)
        for at, statement in enumerate(statements):
            self.count(statement)
            if isinstance(statement, ast.Pass) or (isinstance(statement, ast.Expr) and isinstance(
                    statement.value, ast.Constant) and isinstance(statement.value.value, str)):
                continue
            if isinstance(statement, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                pending = self.assign(statement, env, pending)
                continue
            if isinstance(statement, ast.Return):
                if statement.value is None:
                    raise self.refuse(statement, "it returns None, which is not a number")
                return self.first(pending, self.expression(statement.value, env))
            if isinstance(statement, ast.If):
                rest = statements[at + 1:]
                test = self.expression(statement.test, env)
                then = self.block(statement.body + rest, env, ())
                otherwise = self.block(statement.orelse + rest, env, ())
                return self.first(pending, ast.IfExp(test, then, otherwise))
            if isinstance(statement, ast.Expr):
                raise self.refuse(statement, self._why_expression_statement(statement.value))
            raise self.refuse(statement, _REASONS.get(type(statement), "a %s statement" % type(statement).__name__))
        raise self.refuse(statements[-1] if statements else self.node,
                          "it can reach its end without return, where Python returns None, which is not a number")

    def assign(self, statement, env, pending):
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        for target in targets:
            if not isinstance(target, ast.Name):
                raise self.refuse(statement, "it assigns to %s: only simple names (y = …) can be written out"
                                  % ast.unparse(target))
        if isinstance(statement, ast.AnnAssign) and statement.value is None:
            return pending
        value = self.expression(statement.value, env)
        if isinstance(statement, ast.AugAssign):
            value = self.operation(ast.BinOp(self.name(targets[0].id, env, statement), statement.op, value), statement)
        if isinstance(value, _Ref):
            binding = value.binding  # y = z: the same computation under another name
        else:
            self.bindings += 1
            binding = _Binding(value, self.pure(value), self.bindings)
            if not binding.pure:
                pending = pending + (binding,)
        for target in targets:
            env[target.id] = binding
        return pending

    def first(self, pending, result):
        """``result`` after the pending locals, in their order, each computed where Python computes it."""
        leading = self.leading(result)
        for count in range(len(pending) + 1):
            if [("ref", b.ident) for b in pending[count:]] == leading[:len(pending) - count]:
                break
        for binding in reversed(pending[:count]):
            check = ast.Compare(ast.Call(ast.Name("abs"), [_Ref(binding)], []), [ast.Lt()], [ast.Constant(0)])
            result = ast.BoolOp(ast.Or(), [check, result])
        return result

    # --- expressions ----------------------------------------------------------------------------------------------

    def expression(self, node, env):
        self.count(node)
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or isinstance(node.value, (int, float)):
                return ast.Constant(node.value)
            raise self.refuse(node, "%r is not a number" % (node.value,))
        if isinstance(node, ast.Name):
            return self.name(node.id, env, node)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Invert):
                raise self.refuse(node, "~ is a bitwise operator, which poolmap's expressions do not have")
            return ast.UnaryOp(node.op, self.expression(node.operand, env))
        if isinstance(node, ast.BinOp):
            return self.operation(ast.BinOp(self.expression(node.left, env), node.op,
                                            self.expression(node.right, env)), node)
        if isinstance(node, ast.BoolOp):
            return ast.BoolOp(node.op, [self.expression(value, env) for value in node.values])
        if isinstance(node, ast.Compare):
            for op in node.ops:
                if isinstance(op, (ast.Is, ast.IsNot, ast.In, ast.NotIn)):
                    raise self.refuse(node, "'%s' compares identity or membership, not numbers"
                                      % {ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}[type(op)])
            return ast.Compare(self.expression(node.left, env), list(node.ops),
                               [self.expression(c, env) for c in node.comparators])
        if isinstance(node, ast.IfExp):
            return ast.IfExp(self.expression(node.test, env), self.expression(node.body, env),
                             self.expression(node.orelse, env))
        if isinstance(node, ast.Call):
            return self.call(node, env)
        if isinstance(node, ast.Attribute):
            value = self.attribute(node, env)
            if isinstance(value, (int, float)):
                return self.constant(value, node, ast.unparse(node))
            raise self.refuse(node, "%s is a function, used here as a value" % ast.unparse(node))
        kinds = {ast.Lambda: "a lambda inside it", ast.NamedExpr: "an assignment expression (:=)",
                 ast.Subscript: "a subscript", ast.JoinedStr: "an f-string", ast.List: "a list",
                 ast.Tuple: "a tuple", ast.Dict: "a dict", ast.Set: "a set", ast.ListComp: "a comprehension",
                 ast.GeneratorExp: "a generator expression", ast.SetComp: "a comprehension",
                 ast.DictComp: "a comprehension", ast.Await: "await", ast.Starred: "a starred argument"}
        raise self.refuse(node, "%s is not something poolmap's expressions have" % kinds.get(type(node), ast.unparse(node)))

    def operation(self, node, where):
        if not isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)):
            raise self.refuse(where, "%s is not an operator of poolmap's expressions (no bitwise operators, no @)"
                              % ast.unparse(ast.BinOp(ast.Name("a"), node.op, ast.Name("b"))).split()[1])
        return node

    def name(self, identifier, env, node):
        if identifier in env:
            binding = env[identifier]
            return copy.deepcopy(binding.value) if binding.pure else _Ref(binding)
        if identifier in self.locals:
            raise self.refuse(node, "%s may be used before it is assigned (Python raises UnboundLocalError there)"
                              % identifier)
        value = self.outside(identifier, node)
        if value is math:
            raise self.refuse(node, "math is a module, used here as a value")
        if isinstance(value, (int, float)):
            return self.constant(value, node, identifier)
        raise self.refuse(node, "%s is %s, not a number" % (identifier, _described(value)))

    def outside(self, identifier, node):
        """What a name that is not local means: a closure's cell, a global, a built-in."""
        if identifier in self.code.co_freevars:
            cell = self.func.__closure__[self.code.co_freevars.index(identifier)]
            try:
                return cell.cell_contents
            except ValueError:
                raise self.refuse(node, "%s is not assigned yet in the enclosing function" % identifier) from None
        if identifier in self.func.__globals__:
            return self.func.__globals__[identifier]
        scope = self.func.__globals__.get("__builtins__", builtins)
        scope = scope if isinstance(scope, dict) else vars(scope)
        if identifier in scope:
            return scope[identifier]
        raise self.refuse(node, "%s is not defined (Python raises NameError there)" % identifier)

    def attribute(self, node, env):
        if isinstance(node.value, ast.Name) and node.value.id not in env and node.value.id not in self.locals:
            if self.outside(node.value.id, node) is math:
                if not hasattr(math, node.attr):
                    raise self.refuse(node, "math has no %s (Python raises AttributeError there)" % node.attr)
                return getattr(math, node.attr)
        raise self.refuse(node, "%s reads an attribute; only math's functions and constants can be used"
                          % ast.unparse(node))

    def call(self, node, env):
        if node.keywords:
            raise self.refuse(node, "it passes keyword arguments")
        if isinstance(node.func, ast.Attribute):
            function = self.attribute(node.func, env)
        elif isinstance(node.func, ast.Name):
            if node.func.id in env or node.func.id in self.locals:
                raise self.refuse(node, "%s is a local, called as a function" % node.func.id)
            function = self.outside(node.func.id, node)
        else:
            raise self.refuse(node, "it calls %s" % ast.unparse(node.func))
        known = (_FUNCTIONS.get(function) or _REWRITTEN.get(function)) if _hashable(function) else None
        if known is None:
            raise self.refuse(node, _why_not_function(ast.unparse(node.func), function))
        name, least, most = known
        if len(node.args) < least or (most is not None and len(node.args) > most):
            raise self.refuse(node, "%s() takes %s arguments, not %d (Python raises TypeError there)"
                              % (name, least if least == most else "%d or more" % least if most is None
                                 else "%d or %d" % (least, most), len(node.args)))
        return self.rewrite(name, [self.expression(arg, env) for arg in node.args])

    @staticmethod
    def rewrite(name, args):
        """A call as the language writes it: int(v) and trunc(v) round toward 0 as floor/ceil do, float(v) is
        v * 1.0 (the same float, and the same OverflowError for a huge int), pow(a, b) is a ** b."""
        if name in ("int", "trunc"):
            value = args[0]
            return ast.IfExp(ast.Compare(value, [ast.GtE()], [ast.Constant(0)]),
                             ast.Call(ast.Name("floor"), [copy.deepcopy(value)], []),
                             ast.Call(ast.Name("ceil"), [copy.deepcopy(value)], []))
        if name == "float":
            return ast.BinOp(args[0], ast.Mult(), ast.Constant(1.0))
        if name == "pow":
            return ast.BinOp(args[0], ast.Pow(), args[1])
        return ast.Call(ast.Name(name), args, [])

    def constant(self, value, node, what):
        if isinstance(value, bool):
            return ast.Constant(value)
        if isinstance(value, (int, float)) and value == value and value not in (math.inf, -math.inf):
            if isinstance(value, float) and math.copysign(1.0, value) < 0 or isinstance(value, int) and value < 0:
                return ast.UnaryOp(ast.USub(), ast.Constant(-value))
            return ast.Constant(int(value) if isinstance(value, int) else float(value))
        raise self.refuse(node, "%s is %s, which an expression cannot hold" % (what, _described(value)))

    # --- purity and order -----------------------------------------------------------------------------------------

    @classmethod
    def pure(cls, node):
        """True when computing ``node`` cannot raise: ints, bools and ``x`` with + - *, // and % by a non-zero int,
        comparisons, and/or/not, conditionals, abs/min/max (a float constant could meet a huge int: not pure)."""
        if isinstance(node, ast.Constant):
            return not isinstance(node.value, float)
        if isinstance(node, ast.Name):
            return node.id == "x"
        if isinstance(node, ast.UnaryOp):
            return cls.pure(node.operand)
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
                return cls.pure(node.left) and cls.pure(node.right)
            if isinstance(node.op, (ast.FloorDiv, ast.Mod)):
                divisor = node.right
                return (cls.pure(node.left) and isinstance(divisor, ast.Constant)
                        and not isinstance(divisor.value, float) and divisor.value != 0)
            return False
        if isinstance(node, (ast.BoolOp, ast.Compare, ast.IfExp)):
            return all(cls.pure(child) for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr))
        if isinstance(node, ast.Call):
            return node.func.id in _PURE_FUNCTIONS and all(cls.pure(arg) for arg in node.args)
        return False

    def leading(self, node):
        """What computing ``node`` certainly does first that may raise, in Python's order, until a branch."""
        events = []

        def walk(n):  # False once a branch is reached: what follows is not certainly computed
            if isinstance(n, (ast.Constant, ast.Name)) or self.pure(n):
                return True
            if isinstance(n, _Ref):
                events.append(("ref", n.binding.ident))
                return True
            if isinstance(n, ast.BoolOp):
                return walk(n.values[0]) and False
            if isinstance(n, ast.IfExp):
                return walk(n.test) and False
            if isinstance(n, ast.Compare):
                return walk(n.left) and walk(n.comparators[0]) and len(n.comparators) == 1
            children = [n.operand] if isinstance(n, ast.UnaryOp) else [n.left, n.right] if isinstance(
                n, ast.BinOp) else list(n.args) if isinstance(n, ast.Call) else []
            for child in children:
                if not walk(child):
                    return False
            events.append(("op", id(n)))
            return True

        walk(node)
        return events

    def written_out(self, node):
        """The expression with every local written out in full."""
        class Expand(ast.NodeTransformer):
            def visit__Ref(inner, ref):  # noqa: N802 (NodeTransformer's naming)
                return inner.visit(copy.deepcopy(ref.binding.value))

        return Expand().visit(node)

    # --- refusals -------------------------------------------------------------------------------------------------

    def count(self, node):
        self.nodes += 1
        if self.nodes > _MAX_NODES:
            raise self.refuse(node, "written out as one expression it would be too long (its branches and locals "
                                    "multiply)")

    def refuse(self, node, why):
        where = self.where
        if node is not None and getattr(node, "lineno", None):
            line = linecache.getline(self.code.co_filename, node.lineno, self.func.__globals__).strip()
            where = "%s() (%s, line %d: %s)" % (self.func.__name__, self.code.co_filename, node.lineno, line)
        return TypeError("poolmap cannot turn %s into an expression: %s. poolmap sends no code, only an "
                         "expression in x. %s" % (where, why, _INSTEAD))

    def _why_expression_statement(self, value):
        if isinstance(value, ast.Call):
            called = ast.unparse(value.func)
            if called == "print":
                return "it calls print(), which does I/O: an expression only computes (print the results instead)"
            return "it calls %s() for its effect, which an expression cannot have" % called
        return "%s computes a value that is thrown away" % ast.unparse(value)


def _hashable(value):
    try:
        hash(value)
        return True
    except TypeError:
        return False


def _why_not_function(text, function):
    if function is print:
        return "it calls print(), which does I/O: an expression only computes (print the results instead)"
    if isinstance(function, types.FunctionType):
        return ("it calls %s(), another function of yours, which poolmap cannot see into: write its body inline"
                % text)
    if isinstance(function, (types.BuiltinFunctionType, type)):
        return "it calls %s(), which poolmap's expressions do not have" % text
    return "it calls %s, %s" % (text, _described(function))


def _described(value):
    if isinstance(value, types.ModuleType):
        return "the module " + value.__name__
    if isinstance(value, (list, dict, set)):
        return "a %s, state that may change (copy the number you need into a local constant)" % type(value).__name__
    if isinstance(value, float):
        return repr(value)
    return "a " + type(value).__name__
