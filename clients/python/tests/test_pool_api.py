"""multiprocessing.Pool's life cycle and AsyncResult's API, on a scripted poolmap: close, join, terminate, the context
manager, callbacks, get's timeout, and which worker computed what."""

import multiprocessing
import threading
import unittest

from poolmap import JobError, Pool, TimeoutError
from tests.fake import json_reply, problem, view
from tests.test_protocol import ProtocolTest


class PoolLifeCycle(ProtocolTest):

    def running_job(self, job_id, result):
        """A job that runs until ``release`` is set, then succeeds; DELETE cancels it."""
        release, cancelled = threading.Event(), threading.Event()
        self.fake.on("POST", "/api/v1/jobs", json_reply(202, view(job_id, "RUNNING", size=1)))
        self.fake.on("DELETE", "/api/v1/jobs/" + job_id, lambda request: cancelled.set() or json_reply(
            200, view(job_id, "CANCELLED", size=1, error={"type": "urn:poolmap:problem:job-cancelled", "status": 409,
                                                          "detail": "cancelled by a client", "jobId": job_id})))

        def join(request):
            (release.is_set() or cancelled.is_set() or release.wait(0.05))
            if cancelled.is_set():
                return json_reply(200, view(job_id, "CANCELLED", size=1, error={
                    "type": "urn:poolmap:problem:job-cancelled", "status": 409, "detail": "cancelled by a client",
                    "jobId": job_id}))
            return json_reply(200, view(job_id, "SUCCEEDED", [result]) if release.is_set()
                              else view(job_id, "RUNNING", size=1))

        self.fake.on("GET", "/api/v1/jobs/" + job_id, join)
        return release

    def test_get_with_a_timeout_raises_multiprocessings_timeout_error_until_the_job_is_done(self):
        release = self.running_job("r1", 42)
        result = self.pool().apply_async("double", (21,))

        with self.assertRaises(multiprocessing.TimeoutError):
            result.get(timeout=0.05)
        self.assertFalse(result.ready())
        with self.assertRaisesRegex(ValueError, "not ready"):
            result.successful()
        release.set()
        self.assertEqual(result.get(timeout=30), 42)
        self.assertIs(TimeoutError, multiprocessing.TimeoutError)

    def test_callbacks_get_the_value_or_the_error(self):
        self.running_job("r2", 8).set()
        values, errors, done = [], [], threading.Event()
        pool = self.pool()
        pool.map_async("cube", [2], callback=lambda v: (values.append(v), done.set()),
                       error_callback=errors.append).get(timeout=30)
        self.assertTrue(done.wait(30))
        self.assertEqual((values, errors), ([[8]], []))

        self.fake.on("POST", "/api/v1/jobs", problem(422, "outside-domain", "numbers[0] = -1 is outside the domain of "
                                                     "sqrt", index=0, value=-1))
        failed = pool.map_async("sqrt", [-1], callback=values.append, error_callback=errors.append)
        self.assertRaises(JobError, failed.get, 30)
        self.assertEqual((len(values), [e.slug for e in errors]), (1, ["outside-domain"]))
        self.assertFalse(failed.successful())

    def test_terminate_cancels_the_jobs_still_running_and_their_results_raise(self):
        self.running_job("r3", 1)
        pool = self.pool()
        result = pool.map_async("sleep", [1000])
        while not self.fake.made("GET", "/api/v1/jobs/r3"):
            result.wait(0.01)  # the job is submitted and being joined

        pool.terminate()

        with self.assertRaises(JobError) as cancelled:
            result.get(timeout=30)
        self.assertEqual(cancelled.exception.slug, "job-cancelled")
        self.assertEqual([r.path for r in self.fake.made("DELETE")], ["/api/v1/jobs/r3"])
        with self.assertRaisesRegex(ValueError, "Pool not running"):
            pool.map("square", [1])

    def test_the_context_manager_terminates_as_multiprocessings_does(self):
        self.running_job("r4", 1)
        with self.pool() as pool:
            result = pool.map_async("sleep", [1000])
            while not self.fake.made("GET", "/api/v1/jobs/r4"):
                result.wait(0.01)
        self.assertEqual(len(self.fake.made("DELETE")), 1)
        self.assertRaises(JobError, result.get, 30)

    def test_close_then_join_waits_for_every_task(self):
        release = self.running_job("r5", 5)
        pool = self.pool()
        result = pool.apply_async("increment", (4,))
        with self.assertRaisesRegex(ValueError, "Pool is still running"):
            pool.join()
        pool.close()
        with self.assertRaisesRegex(ValueError, "Pool not running"):
            pool.apply_async("increment", (4,))
        release.set()
        pool.join()
        self.assertTrue(result.ready())
        self.assertEqual(result.get(), 5)
        self.assertEqual(self.fake.made("DELETE"), [])

    def test_arguments_multiprocessing_would_refuse_or_poolmap_cannot_honour(self):
        with self.assertRaisesRegex(ValueError, "Number of processes must be at least 1"):
            Pool(0, url=self.fake.url)
        with self.assertRaisesRegex(TypeError, "no initializer"):
            Pool(2, print, url=self.fake.url)
        pool = self.pool()
        with self.assertRaisesRegex(TypeError, "args must be a tuple of one"):
            pool.apply_async("square", (1, 2))
        with self.assertRaisesRegex(TypeError, "keyword arguments cannot be sent"):
            pool.apply_async("square", (1,), {"k": 1})
        with self.assertRaisesRegex(ValueError, "chunksize must be a positive int"):
            pool.map("square", [1], chunksize=0)
        with self.assertRaisesRegex(ValueError, "URL must be http"):
            Pool(url="localhost:8080")
        self.assertEqual(self.fake.requests, [])


class WhichWorkerComputedWhat(ProtocolTest):

    def test_workers_and_counts_cover_every_job_of_a_map(self):
        answers = {2: json_reply(200, view("w1", "SUCCEEDED", [1, 4], {"worker-1": 2})),
                   1: json_reply(200, view("w2", "SUCCEEDED", [9], {"worker-1": 1, "worker-2": 0}))}
        self.fake.on("POST", "/api/v1/jobs", [lambda r: json_reply(413, {"type": "urn:poolmap:problem:batch-too-large",
                                                                         "status": 413, "limit": 2}),
                                              lambda r: answers[len(r.json()["numbers"])]])
        self.fake.on("GET", "/api/v1/jobs/w1/items", json_reply(200, {"items": [
            {"index": 0, "worker": "worker-1"}, {"index": 1, "worker": "worker-1"}], "total": 2}))
        self.fake.on("GET", "/api/v1/jobs/w2/items", json_reply(200, {"items": [{"index": 0, "worker": "worker-2"}],
                                                                      "total": 1}))
        self.fake.on("GET", "/api/v1/jobs/w", json_reply(500, {}))  # nothing else is asked

        result = self.pool().map_async("square", [1, 2, 3])

        self.assertEqual(result.get(timeout=30), [1, 4, 9])
        self.assertEqual(result.workers(), ["worker-1", "worker-1", "worker-2"])
        self.assertEqual(result.worker_counts(), {"worker-1": 3, "worker-2": 0})
        self.assertEqual(self.fake.made("GET", "/api/v1/jobs/w1/items")[0].query, {"offset": "0", "limit": "10000"})


if __name__ == "__main__":
    unittest.main()
