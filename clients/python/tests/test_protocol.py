"""The client against a scripted poolmap: what it sends, and how it meets a full queue, a refused key, no service,
a dropped connection, a smaller batch limit, errors and exact integers."""

import email.utils
import json
import os
import socket
import time
import unittest
from unittest import mock

import poolmap
from poolmap import AuthenticationError, JobError, Pool, PoolmapError, ServiceUnreachable
from tests.fake import DROP, FakePoolmap, Reply, json_reply, problem, view


class ProtocolTest(unittest.TestCase):

    def setUp(self):
        self.fake = FakePoolmap()
        self.addCleanup(self.fake.close)
        self.waits = []

    def pool(self, **options):
        pool = Pool(url=self.fake.url, **options)
        pool._service.sleep = self.waits.append
        self.addCleanup(pool.terminate)
        return pool


class WhatMapSends(ProtocolTest):

    def test_map_posts_the_expression_numbers_and_options_and_returns_the_results(self):
        self.fake.on("POST", "/api/v1/jobs", json_reply(200, view("j1", "SUCCEEDED", [2, 4, 6])))

        results = self.pool(processes=4, timeout=2.5).map(lambda n: n * 2, [1, 2, 3], chunksize=2)

        self.assertEqual(results, [2, 4, 6])
        (post,) = self.fake.made("POST")
        self.assertEqual(post.json(), {"expression": "x * 2", "parallelism": 4, "chunkSize": 2, "timeoutMs": 2500,
                                       "numbers": [1, 2, 3]})
        self.assertEqual(post.headers["Content-Type"], "application/json")
        self.assertRegex(post.headers["Idempotency-Key"], "^[0-9a-f-]{36}$")
        self.assertNotIn("Authorization", post.headers)

    def test_the_asynchronous_calls_ask_for_202_and_join_with_wait(self):
        self.fake.on("POST", "/api/v1/jobs", json_reply(202, view("j2", "RUNNING", size=1)))
        self.fake.on("GET", "/api/v1/jobs/j2", [json_reply(200, view("j2", "RUNNING", size=1)),
                                               json_reply(200, view("j2", "SUCCEEDED", [49], {"worker-2": 1}))])

        result = self.pool().apply_async("square", (7,))

        self.assertEqual(result.get(timeout=30), 49)
        self.assertTrue(result.ready() and result.successful())
        self.assertEqual(self.fake.made("POST")[0].json(), {"operation": "square", "numbers": [7], "async": True})
        self.assertEqual([r.query.get("wait") for r in self.fake.made("GET")], ["30s", "30s"])
        self.assertEqual(result.worker_counts(), {"worker-2": 1})

    def test_an_empty_iterable_maps_to_an_empty_list_without_a_request(self):
        self.assertEqual(self.pool().map(lambda v: v + 1, []), [])
        self.assertEqual(self.fake.requests, [])

    def test_a_bool_or_a_nan_is_refused_before_anything_is_sent(self):
        pool = self.pool()
        with self.assertRaisesRegex(TypeError, r"numbers\[1\] is True, a bool"):
            pool.map("square", [1, True])
        with self.assertRaisesRegex(ValueError, r"numbers\[2\] is nan, which a JSON number cannot hold"):
            pool.map("square", [1, 2, float("nan")])
        with self.assertRaisesRegex(TypeError, r"numbers\[0\] is '1', a str"):
            pool.map("square", ["1"])
        self.assertEqual(self.fake.requests, [])

    def test_integers_stay_exact_both_ways_beyond_pythons_digit_limit(self):
        big = 7 ** 6000  # 5,071 digits: more than int() converts to text at once since Python 3.11
        self.fake.on("POST", "/api/v1/jobs", lambda request: Reply(200, (
            '{"id":"j3","status":"SUCCEEDED","size":2,"workers":{},"results":[%s,-%s]}'
            % (request.body.decode().split('"numbers":[')[1].split(",")[0], "9" * 5000)).encode(),
            {"Content-Type": "application/json"}))

        results = self.pool().map("x", [big, 2])

        self.assertEqual(results, [big, -int("9" * 2500) * 10 ** 2500 - int("9" * 2500)])


class FullQueueAndOtherRefusals(ProtocolTest):

    def test_a_full_queue_is_tried_again_after_retry_after(self):
        full = problem(429, "queue-full", "no room", {"Retry-After": "2"})
        self.fake.on("POST", "/api/v1/jobs", [full, full, json_reply(200, view("j4", "SUCCEEDED", [1]))])

        self.assertEqual(self.pool().map("square", [1]), [1])
        self.assertEqual(self.waits, [2, 2])
        self.assertEqual(len(self.fake.made("POST")), 3)

    def test_a_queue_that_stays_full_raises_after_the_bounded_tries(self):
        self.fake.on("POST", "/api/v1/jobs", problem(429, "queue-full", "no room", {"Retry-After": "1"}))

        with self.assertRaises(JobError) as refused:
            self.pool(retries=2).map("square", [1])

        self.assertEqual((refused.exception.status, refused.exception.slug), (429, "queue-full"))
        self.assertIn("still so after 3 tries", str(refused.exception))
        self.assertEqual(len(self.fake.made("POST")), 3)
        self.assertEqual(self.waits, [1, 1])

    def test_retry_after_may_be_a_date_and_is_capped(self):
        later = email.utils.formatdate(time.time() + 30, usegmt=True)
        self.fake.on("POST", "/api/v1/jobs", [problem(503, "memory-full", "later", {"Retry-After": later}),
                                              problem(429, "queue-full", "later", {"Retry-After": "3600"}),
                                              json_reply(200, view("j5", "SUCCEEDED", [4]))])

        self.assertEqual(self.pool().map("square", [2]), [4])
        self.assertTrue(20 < self.waits[0] <= 30, self.waits)
        self.assertEqual(self.waits[1], 60.0)

    def test_without_a_key_a_401_says_which_key_to_give(self):
        self.fake.on("POST", "/api/v1/jobs", problem(401, "unauthorized", "a key is needed",
                                                     {"WWW-Authenticate": 'Bearer realm="poolmap"'}))
        with mock.patch.dict(os.environ, {"POOLMAP_API_KEY": ""}):
            pool = self.pool()
        with self.assertRaises(AuthenticationError) as refused:
            pool.map("square", [1])
        self.assertIsInstance(refused.exception, PermissionError)
        self.assertIn("needs an API key (401): pass Pool(api_key=…) or set POOLMAP_API_KEY", str(refused.exception))
        self.assertEqual(refused.exception.problem["detail"], "a key is needed")

    def test_a_wrong_key_is_sent_as_a_bearer_token_and_its_401_says_so(self):
        self.fake.on("POST", "/api/v1/jobs", problem(401, "unauthorized", "wrong key"))
        with mock.patch.dict(os.environ, {"POOLMAP_API_KEY": "k3y-from-the-environment"}):
            pool = self.pool()
        with self.assertRaisesRegex(AuthenticationError, "refused the API key"):
            pool.map("square", [1])
        self.assertEqual(self.fake.made("POST")[0].headers["Authorization"], "Bearer k3y-from-the-environment")

    def test_no_service_at_the_url_is_a_connection_error_naming_it(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            url = "http://127.0.0.1:%d" % probe.getsockname()[1]
        with self.assertRaises(ServiceUnreachable) as unreachable:
            Pool(url=url).map("square", [1])
        self.assertIsInstance(unreachable.exception, ConnectionError)
        self.assertIn("cannot reach poolmap at %s" % url, str(unreachable.exception))
        self.assertIn("Is it running? Pool(url=…) or POOLMAP_URL says where it is", str(unreachable.exception))

    def test_a_post_without_an_answer_is_sent_again_with_the_same_idempotency_key(self):
        self.fake.on("POST", "/api/v1/jobs", [DROP, json_reply(200, view("j6", "SUCCEEDED", [9]))])

        self.assertEqual(self.pool().map("square", [3]), [9])
        first, second = self.fake.made("POST")
        self.assertEqual(first.headers["Idempotency-Key"], second.headers["Idempotency-Key"])

    def test_an_answer_that_is_not_a_problem_detail_is_reported_as_it_came(self):
        self.fake.on("POST", "/api/v1/jobs", Reply(502, b"<html>Bad Gateway</html>", {"Content-Type": "text/html"}))
        with self.assertRaisesRegex(PoolmapError, "answered 502 with no problem detail: <html>Bad Gateway</html>"):
            self.pool().map("square", [1])


class ErrorsAsPythonRaisesThem(ProtocolTest):

    def test_an_item_that_raised_is_pythons_exception_and_a_job_error_with_its_index(self):
        self.fake.on("POST", "/api/v1/jobs", problem(
            422, "item-failed", "numbers[2] = 3: ZeroDivisionError: integer division or modulo by zero",
            jobId="j7", index=2, value=3, exception="ZeroDivisionError", pointer="/numbers/2"))

        with self.assertRaises(ZeroDivisionError) as failed:
            self.pool().map(lambda x: 100 // (x - 3), [1, 2, 3, 4])

        error = failed.exception
        self.assertIsInstance(error, JobError)
        self.assertEqual(str(error), "integer division or modulo by zero")
        self.assertEqual((error.index, error.value, error.job_id, error.slug), (2, 3, "j7", "item-failed"))

    def test_a_limit_of_poolmap_is_a_job_error_not_a_python_exception(self):
        self.fake.on("POST", "/api/v1/jobs", problem(
            422, "item-failed", "numbers[0] = 20000: LimitError: 10**x has more than 10000 digits",
            jobId="j8", index=0, value=20000, exception="LimitError"))

        with self.assertRaises(JobError) as failed:
            self.pool().map("10**x", [20000])

        self.assertNotIsInstance(failed.exception, ArithmeticError)
        self.assertEqual(failed.exception.problem["exception"], "LimitError")

    def test_an_expression_made_from_a_function_that_poolmap_refuses_is_a_type_error(self):
        self.fake.on("POST", "/api/v1/jobs", problem(400, "invalid-expression", "the expression is longer than 10 "
                                                                               "characters (poolmap.expressions.max-length)"))
        with self.assertRaisesRegex(TypeError, r"poolmap refused the expression 'x \* 2 \+ 1' \(9 characters\), made "
                                               r"from your function: the expression is longer") as refused:
            self.pool().map(lambda v: v * 2 + 1, [1])
        self.assertTrue(refused.exception.__suppress_context__)  # the reason alone, not the JobError it replaces

    def test_an_expression_too_long_for_a_json_string_of_poolmap_is_a_type_error_too(self):
        self.fake.on("POST", "/api/v1/jobs", problem(400, "invalid-request", "the JSON body has a string longer than "
                                                                            "poolmap.request.max-string-length allows"))
        with self.assertRaisesRegex(TypeError, r"poolmap refused the expression 'x \* 2 \+ 1' .*max-string-length"):
            self.pool().map(lambda v: v * 2 + 1, [1])
        with self.assertRaisesRegex(JobError, "max-string-length"):  # a string of the caller's own: as poolmap says
            self.pool().map("x * 2 + 1", [1])

    def test_a_smaller_batch_limit_splits_the_map_into_jobs_and_errors_keep_the_iterables_index(self):
        def answer(request):
            numbers = request.json()["numbers"]
            if len(numbers) > 2:
                return problem(413, "batch-too-large", "at most 2", limit=2, pointer="/numbers")
            if numbers == [5]:
                return problem(422, "item-failed", "numbers[0] = 5: ZeroDivisionError: division by zero",
                               jobId="j9c", index=0, value=5, exception="ZeroDivisionError")
            return json_reply(200, view("j9-%d" % numbers[0], "SUCCEEDED", [n * 10 for n in numbers], {"worker-1": 1}))

        self.fake.on("POST", "/api/v1/jobs", answer)
        pool = self.pool()

        self.assertEqual(pool.map("x*10", [1, 2, 3, 4]), [10, 20, 30, 40])
        with self.assertRaises(ZeroDivisionError) as failed:
            pool.map("1/(5-x)", [1, 2, 3, 4, 5])
        self.assertEqual(failed.exception.index, 4)
        self.assertEqual([len(r.json()["numbers"]) for r in self.fake.made("POST")], [4, 2, 2, 2, 2, 1])


class TheCpuCount(ProtocolTest):

    def test_cpu_count_is_the_services_pool_size(self):
        self.fake.on("GET", "/actuator/workers", json_reply(200, {"poolSize": 6, "workers": []}))
        self.assertEqual(poolmap.cpu_count(url=self.fake.url), 6)


if __name__ == "__main__":
    unittest.main()
