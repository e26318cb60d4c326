"""What map() sends for each kind of func: translated functions compute exactly what Python computes, item for item
and error for error (checked with eval), and what cannot be sent is refused with a TypeError that says why."""

import math
import sys
import unittest

from poolmap import expression_of
from tests import functions as f
from tests.language import EDGE_VALUES, evaluate, in_language, outcome

TRANSLATED = [f.double, f.worker_function, f.square, f.documented, f.collatz_step, f.sign, f.assigned_in_both_branches,
              f.augmented, f.annotated, f.division_kept_in_place, f.order_of_errors, f.unused_but_raising,
              f.raising_then_branch, f.globals_and_closures_as_constants, f.conversions, f.rounding,
              f.functions_of_math, f.logarithms, f.chained_comparison, f.keyword_only_default, f.triple, f.cube,
              f.decorated_but_itself, lambda x: x * x, lambda n: (n + 1) / 2 if n else -n,
              abs, round, math.sqrt, math.floor, math.ceil, math.exp, math.log, math.isqrt, int, float]


class TranslatedFunctionsComputeWhatPythonComputes(unittest.TestCase):

    def test_each_translated_function_gives_pythons_result_or_error_for_every_edge_value(self):
        for function in TRANSLATED:
            text = expression_of(function)["expression"]
            in_language(text)
            for value in EDGE_VALUES:
                with self.subTest(function=getattr(function, "__name__", function), expression=text, x=value):
                    self.assertEqual(outcome(lambda: function(value)), evaluate(text, value))

    def test_the_tutorials_functions_become_the_expressions_a_person_would_write(self):
        self.assertEqual(expression_of(f.double), {"expression": "n * 2".replace("n", "x")})
        self.assertEqual(expression_of(f.worker_function), {"expression": "x * 2"})
        self.assertEqual(expression_of(f.square), {"expression": "x * x"})
        self.assertEqual(expression_of(f.collatz_step), {"expression": "x // 2 if x % 2 == 0 else 3 * x + 1"})
        self.assertEqual(expression_of(f.triple), {"expression": "x * 3"})
        self.assertEqual(expression_of(lambda item: item ** 2 + 1), {"expression": "x ** 2 + 1"})

    def test_an_assignment_that_may_raise_is_computed_where_python_computes_it(self):
        # 1 / x is unconditional in Python: for x = 0 the function raises, although its return would not need it
        text = expression_of(f.division_kept_in_place)["expression"]
        self.assertEqual(text, "abs(1 / x) < 0 or (0 if x == 0 else 1 / x)")
        self.assertEqual(evaluate(text, 0)[:2], ("raises", "ZeroDivisionError"))
        # first = 1 // x raises before second = sqrt(x - 5), although the return adds them the other way round
        self.assertEqual(evaluate(expression_of(f.order_of_errors)["expression"], 0)[:2], ("raises", "ZeroDivisionError"))
        self.assertEqual(expression_of(f.unused_but_raising), {"expression": "abs(log(x)) < 0 or x"})

    def test_an_assignment_that_is_certainly_computed_first_is_written_in_place(self):
        self.assertEqual(expression_of(lambda v: 1 / v), {"expression": "1 / x"})
        self.assertEqual(expression_of(f.raising_then_branch), {"expression": "10 % x if 10 % x > 2 else -(10 % x)"})

    def test_numbers_of_the_module_closures_and_defaults_are_constants_of_the_expression(self):
        self.assertEqual(expression_of(f.globals_and_closures_as_constants),
                         {"expression": "x * 3 + (-5) ** 2 - 3.141592653589793"})
        self.assertEqual(expression_of(f.keyword_only_default), {"expression": "x - 7"})
        self.assertEqual(expression_of(f.rounding), {"expression": "round(x / 3, 2)"})

    def test_lambdas_on_one_line_are_told_apart_where_python_says_which_column_is_which(self):
        first, second = f.lambdas_on_one_line
        if sys.version_info >= (3, 11):
            self.assertEqual(expression_of(first), {"expression": "x + 1"})
            self.assertEqual(expression_of(second), {"expression": "x - 1"})
        else:
            with self.assertRaisesRegex(TypeError, "look alike: put it on a line of its own"):
                expression_of(first)


class StringsAndBuiltIns(unittest.TestCase):

    def test_a_name_is_an_operation_and_anything_else_an_expression(self):
        self.assertEqual(expression_of("square"), {"operation": "square"})
        self.assertEqual(expression_of(" collatz_steps "), {"operation": "collatz_steps"})
        self.assertEqual(expression_of("x**2 + 1"), {"expression": "x**2 + 1"})
        self.assertEqual(expression_of("x"), {"expression": "x"})
        self.assertEqual(expression_of("pi"), {"expression": "pi"})
        with self.assertRaisesRegex(TypeError, "empty string"):
            expression_of("  ")

    def test_built_in_functions_of_one_number_are_the_languages_calls(self):
        self.assertEqual(expression_of(abs), {"expression": "abs(x)"})
        self.assertEqual(expression_of(math.sqrt), {"expression": "sqrt(x)"})
        self.assertEqual(expression_of(float), {"expression": "x * 1.0"})
        self.assertEqual(expression_of(int), {"expression": "floor(x) if x >= 0 else ceil(x)"})
        for refused in (min, max, pow, len, str, math.fsum):
            with self.subTest(refused=refused), self.assertRaisesRegex(TypeError, "not a function of poolmap"):
                expression_of(refused)


REFUSED = {
    f.prints: "line \\d+: print\\(v\\)\\).*calls print\\(\\), which does I/O",
    f.loops: "a while loop: an expression has no loops",
    f.calls_another: "calls double\\(\\), another function of yours",
    f.closure_over_list: "calls len\\(\\), which poolmap's expressions do not have",
    f.reads_a_dict: "a subscript is not something poolmap's expressions have",
    f.two_parameters: "takes 2 parameters without defaults",
    f.variadic: "takes \\*args or \\*\\*kwargs",
    f.no_return: "v \\* 2 computes a value that is thrown away",
    f.returns_none: "it returns None, which is not a number",
    f.falls_through: "can reach its end without return",
    f.maybe_unbound: "result may be used before it is assigned",
    f.bitwise: "<< is not an operator of poolmap's expressions",
    f.a_string: "'v' is not a number",
    f.an_attribute: "v.real reads an attribute",
    f.a_generator: "it is a generator",
    f.asynchronous: "it is async",
    f.tries: "try/except",
    f.imports: "an import inside the function",
    f.declares_global: "global: state outside the function",
    f.identity_comparison: "'is' compares identity",
    f.keyword_arguments: "it passes keyword arguments",
    f.wrong_arity: "abs\\(\\) takes 1 arguments, not 2",
    f.not_in_the_language: "calls math.fsum\\(\\), which poolmap's expressions do not have",
    f.infinite_constant: "math.inf is inf, which an expression cannot hold",
    f.nested_function: "a nested function",
    f.tuple_assignment: "assigns to \\(a, b\\)|assigns to a, b",
    f.walrus: "an assignment expression",
    f.Holder().method: "the method Holder.method: it carries its object's state",
    f.partial_double: "a functools.partial",
    f.cached: "only functions \\(def or lambda\\)",
    42: "42: it is not callable",
}


class WhatCannotBeSentIsRefusedSayingWhyAndWhatToDo(unittest.TestCase):

    def test_each_refusal_is_a_type_error_naming_the_reason(self):
        for function, reason in REFUSED.items():
            with self.subTest(function=getattr(function, "__name__", function)):
                with self.assertRaises(TypeError) as refused:
                    expression_of(function)
                self.assertRegex(str(refused.exception), reason)
                self.assertIn("operation's name or an expression as a string", str(refused.exception))

    def test_a_function_without_source_is_refused_saying_where_to_define_it(self):
        namespace = {}
        exec("def typed(v):\n    return v + 1\n", namespace)
        with self.assertRaisesRegex(TypeError, "its source cannot be read .* define it in a file"):
            expression_of(namespace["typed"])

    def test_a_refusal_names_the_function_its_file_and_line(self):
        with self.assertRaises(TypeError) as refused:
            expression_of(f.loops)
        self.assertRegex(str(refused.exception), r"^poolmap cannot turn loops\(\) \(.*functions\.py, line \d+: while n != 1:\)")


if __name__ == "__main__":
    unittest.main()
