"""The client against a real poolmap (``POOLMAP_URL``; PythonClientIT starts the jar with two workers and
``poolmap.max-batch-size=1000``): map, imap and imap_unordered, apply_async, exact integers, Python's semantics end to
end, errors, terminate(), workers, and a results stream cut by the network and resumed."""

import math
import os
import time
import unittest

import poolmap
from integration.support import URL, CuttingProxy
from poolmap import JobError, Pool
from tests import functions as f
from tests.language import EDGE_VALUES, outcome
from tests.test_generated import a_seed, generated_functions
from tests.test_translate import TRANSLATED


def service_outcome(function, value):
    """What poolmap gives for ``function(value)``: Python's outcome, except where poolmap says it differs (a result
    that is inf, nan or complex fails the item: a JSON number cannot hold it)."""
    result = outcome(lambda: function(value))
    if result[0] == "value" and (result[2] == "nan" or result[1] == "complex"
                                 or result[1] == "float" and math.isinf(float.fromhex(result[2]))):
        return ("fails", "JobError")
    return result


class MapAsMultiprocessingDoes(unittest.TestCase):

    def setUp(self):
        self.pool = Pool(url=URL)
        self.addCleanup(self.pool.terminate)

    def test_the_tutorials_map_gives_the_same_list_as_python(self):
        self.assertEqual(Pool(processes=4, url=URL).map(f.double, [1, 2, 3, 4, 5]), [2, 4, 6, 8, 10])
        self.assertEqual(self.pool.map(f.worker_function, range(1, 11)), [2 * i for i in range(1, 11)])
        self.assertEqual(self.pool.map("square", [1, 2, 3]), [1, 4, 9])
        self.assertEqual(self.pool.map("x**2 + 3*x + 1", [1, 1.5, -2]), [5, 7.75, -1])
        self.assertEqual(self.pool.map(lambda x: x > 2, [1, 3]), [False, True])

    def test_integers_are_exact_both_ways(self):
        self.assertEqual(self.pool.map("square", [3037000500]), [9223372037000250000])
        self.assertEqual(self.pool.map("factorial", [2000]), [math.factorial(2000)])  # 5,736 digits
        big = 10 ** 400 + 7
        self.assertEqual(self.pool.map(lambda v: v * v - 1, [big, -big]), [big * big - 1] * 2)

    def test_every_translated_function_computes_on_poolmap_what_python_computes(self):
        for function in TRANSLATED:
            expected = [service_outcome(function, v) for v in EDGE_VALUES]  # a list: 0, 0.0 and -0.0 are one dict key
            computable = [i for i, e in enumerate(expected) if e[0] == "value"]
            with self.subTest(function=getattr(function, "__name__", function)):
                results = self.pool.map(function, [EDGE_VALUES[i] for i in computable])
                self.assertEqual([outcome(lambda r=r: r) for r in results], [expected[i] for i in computable])
            failing = [i for i, e in enumerate(expected) if e[0] != "value"]
            for index in failing:
                with self.subTest(function=getattr(function, "__name__", function), x=EDGE_VALUES[index]):
                    with self.assertRaises(JobError) as failed:
                        self.pool.apply(function, (EDGE_VALUES[index],))
                    self.assertEqual(expected[index][1], type(failed.exception).__name__)

    def test_a_map_larger_than_the_services_batch_limit_is_split_into_jobs(self):
        numbers = list(range(2500))
        result = self.pool.map_async(lambda x: x * 3, numbers)
        self.assertEqual(result.get(timeout=60), [3 * n for n in numbers])
        self.assertLess(self.pool._batch, len(numbers), "start poolmap with --poolmap.max-batch-size=1000")
        self.assertEqual(len(result._jobs), math.ceil(len(numbers) / self.pool._batch))
        self.assertEqual(sum(result.worker_counts().values()), len(numbers))
        with self.assertRaises(ZeroDivisionError) as failed:
            self.pool.map(lambda x: 1 // (x - 2222), numbers)
        self.assertEqual((failed.exception.index, failed.exception.value), (2222, 2222))


def expected_on_poolmap(function, value):
    """What poolmap must answer for ``function(value)``: Python's value, or the name of the exception Python raises;
    where poolmap says it differs, its own name (a complex number: ComplexResult; inf or nan: NonFiniteResult)."""
    result = outcome(lambda: function(value))
    if result[0] == "raises":
        return ("fails", "ComplexResult" if result[2] == "ComplexResult" else result[1])
    if result[1] == "float" and (result[2] == "nan" or math.isinf(float.fromhex(result[2]))):
        return ("fails", "NonFiniteResult")
    return result


def answered_by_poolmap(pool, function, value):
    try:
        result = pool.apply(function, (value,))
    except JobError as failed:
        return ("fails", failed.problem.get("exception") or failed.slug)
    return outcome(lambda: result)


class GeneratedFunctionsOnPoolmap(unittest.TestCase):
    """Seeded generated functions (POOLMAP_TEST_SEED repeats a run, POOLMAP_IT_FUNCTIONS sets how many), without exp,
    log and fractional powers, where poolmap may be one bit apart from CPython: every value and every error of every
    edge value, computed by poolmap from the client's translation, is Python's own."""

    def test_generated_functions_compute_on_poolmap_exactly_what_python_computes(self):
        seed, count = a_seed(), int(os.environ.get("POOLMAP_IT_FUNCTIONS", "80"))
        pool = Pool(url=URL)
        self.addCleanup(pool.terminate)
        disagreements, compared, too_long, limited = [], 0, 0, 0
        with generated_functions(seed, count, exact=True) as (functions, source):
            for number, function in enumerate(functions):
                expected = [expected_on_poolmap(function, value) for value in EDGE_VALUES]
                try:
                    answers = self.on_poolmap(pool, function, expected)
                except TypeError as refused:  # the expression passes poolmap's length or depth: not comparable
                    self.assertIn("poolmap refused the expression", str(refused))
                    too_long += 1
                    continue
                compared += 1
                for value, wanted, answer in zip(EDGE_VALUES, expected, answers):
                    if answer == ("fails", "LimitError"):
                        limited += 1  # poolmap's cost limit, where Python computes on (a documented difference)
                    elif answer != wanted:
                        disagreements.append("f%d(%r): Python %r, poolmap %r for %s" % (
                            number, value, wanted, answer, poolmap.expression_of(function)["expression"]))
        self.assertEqual([], disagreements[:5], "seed %d (POOLMAP_TEST_SEED=%d repeats it): %d disagreements; the "
                         "module:\n%s" % (seed, seed, len(disagreements), source if disagreements else ""))
        self.assertGreaterEqual(compared, count // 2, "seed %d: %d of %d functions were too long for poolmap"
                                % (seed, too_long, count))
        self.assertLess(limited, compared, "seed %d: %d items passed poolmap's cost limits" % (seed, limited))

    @staticmethod
    def on_poolmap(pool, function, expected):
        """poolmap's outcome for each edge value: those Python computes in one job (one by one if an item fails),
        the others one job each."""
        computable = [i for i, e in enumerate(expected) if e[0] == "value"]
        answers = {}
        try:
            results = pool.map(function, [EDGE_VALUES[i] for i in computable])
            answers = dict(zip(computable, (outcome(lambda r=r: r) for r in results)))
        except JobError:
            pass  # an item failed where Python computed: found one by one below
        return [answers[i] if i in answers else answered_by_poolmap(pool, function, value)
                for i, value in enumerate(EDGE_VALUES)]


class ResultsAsTheyCome(unittest.TestCase):

    def setUp(self):
        self.pool = Pool(url=URL)
        self.addCleanup(self.pool.terminate)

    def test_imap_gives_results_in_input_order_across_jobs(self):
        self.assertEqual(list(self.pool.imap(f.square, iter(range(2500)))), [n * n for n in range(2500)])

    def test_imap_unordered_gives_each_result_once_as_it_completes(self):
        results = list(self.pool.imap_unordered("sleep", [600, 10, 10, 10], chunksize=1))
        self.assertEqual(sorted(results), [10, 10, 10, 600])
        self.assertEqual(results[-1], 600)  # the long sleep ends last

    def test_a_stream_cut_by_the_network_is_resumed_where_it_stopped(self):
        for ordered in (True, False):
            proxy = CuttingProxy(after=2000)
            self.addCleanup(proxy.close)
            pool = Pool(url=proxy.url)
            self.addCleanup(pool.terminate)
            numbers = list(range(1, 1001))
            iterate = pool.imap if ordered else pool.imap_unordered
            results = list(iterate("x**2 + 1", numbers))
            with self.subTest(ordered=ordered):
                self.assertEqual(proxy.cuts, 1)
                self.assertEqual(results if ordered else sorted(results), [n * n + 1 for n in numbers])

    def test_a_failed_item_raises_in_its_place(self):
        results = self.pool.imap(lambda v: 10 // v, [5, 2, 0, 1])
        self.assertEqual([next(results), next(results)], [2, 5])
        with self.assertRaises(ZeroDivisionError) as failed:
            next(results)
        self.assertEqual(failed.exception.index, 2)


class AsynchronousTasks(unittest.TestCase):

    def test_apply_async_map_async_and_their_callbacks(self):
        with Pool(url=URL) as pool:
            got = []
            one = pool.apply_async(f.cube, (3,), callback=got.append)
            many = pool.map_async("is_prime", [2, 15, 97, 1000000007], callback=got.append)
            self.assertEqual((one.get(timeout=30), many.get(timeout=30)), (27, [True, False, True, True]))
            self.assertEqual(sorted(map(str, got)), ["27", "[True, False, True, True]"])
            self.assertTrue(one.successful() and many.successful())

    def test_terminate_cancels_a_running_job_on_poolmap(self):
        pool = Pool(url=URL)
        result = pool.map_async("sleep", [3000] * 8, chunksize=1)
        deadline = time.monotonic() + 30
        while not result._jobs and time.monotonic() < deadline:
            result.wait(0.02)  # until the job exists
        pool.terminate()
        with self.assertRaises(JobError) as cancelled:
            result.get(timeout=30)
        self.assertEqual(cancelled.exception.slug, "job-cancelled")
        job = poolmap.Service(URL).json("GET", "/api/v1/jobs/" + result._jobs[0].id)
        self.assertEqual(job["status"], "CANCELLED")
        self.assertLess(job["progress"]["completed"], 8)

    def test_workers_name_the_services_workers(self):
        workers = poolmap.Service(URL).json("GET", "/actuator/workers")
        self.assertEqual(poolmap.cpu_count(URL), workers["poolSize"])
        names = {w["name"] for w in workers["workers"]}
        with Pool(url=URL) as pool:
            result = pool.map_async("fibonacci", [20000 - i for i in range(8)], chunksize=1)
            result.get(timeout=30)
            self.assertLessEqual(set(result.workers()), names)
            self.assertEqual(len(result.workers()), 8)
            self.assertEqual(sum(result.worker_counts().values()), 8)


class ProblemsAsExceptions(unittest.TestCase):

    def setUp(self):
        self.pool = Pool(url=URL)
        self.addCleanup(self.pool.terminate)

    def test_what_python_would_raise_is_raised_with_its_index(self):
        with self.assertRaises(ZeroDivisionError) as failed:
            self.pool.map(lambda x: 100 // (x - 3), [1, 2, 3, 4])
        error = failed.exception
        self.assertEqual((str(error), error.index, error.value, error.slug), (
            "integer division or modulo by zero", 2, 3, "item-failed"))
        with self.assertRaises(ValueError):
            self.pool.map(math.sqrt, [4, -1])

    def test_what_python_would_not_raise_is_a_job_error_with_the_problem(self):
        with self.assertRaises(JobError) as failed:
            self.pool.map("sqrt", [4, -1])  # the operation refuses it before a job exists
        self.assertEqual((failed.exception.status, failed.exception.slug, failed.exception.index), (422, "outside-domain", 1))
        with self.assertRaises(JobError) as failed:
            self.pool.map("10**x", [20000])
        self.assertEqual(failed.exception.problem["exception"], "LimitError")
        with self.assertRaises(JobError) as failed:
            self.pool.map("triple", [1])
        self.assertIn("square", failed.exception.problem["operations"])
        with self.assertRaises(JobError) as failed:
            self.pool.map("x ** * 2", [1])
        self.assertEqual((failed.exception.status, failed.exception.slug), (400, "invalid-expression"))

    def test_a_job_that_passes_the_pools_timeout_is_stopped(self):
        with self.assertRaises(JobError) as failed:
            Pool(url=URL, timeout=0.3).map("sleep", [2000, 2000, 2000])
        self.assertEqual((failed.exception.status, failed.exception.slug), (504, "job-timed-out"))


if __name__ == "__main__":
    unittest.main()
