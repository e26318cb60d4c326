"""imap and imap_unordered over poolmap's NDJSON results: a stream that ends without its end line was cut, and the
client opens it again where it stopped (input order: ``from=``; completion order: from the start, skipping what it
has), a bounded number of times; a failed item raises in its place."""

import unittest

from poolmap import JobError, ServiceUnreachable
from tests.fake import json_reply, problem, stream, view
from tests.test_protocol import ProtocolTest


def item(index, result):
    return {"index": index, "result": result}


class StreamsResumeAfterACut(ProtocolTest):

    def submitted(self, size):
        self.fake.on("POST", "/api/v1/jobs", json_reply(202, view("s1", "RUNNING", size=size)))

    def test_imap_resumes_a_cut_stream_from_the_next_index(self):
        self.submitted(6)
        self.fake.on("GET", "/api/v1/jobs/s1/results", [
            stream(item(0, 0), item(1, 1), item(2, 4)),  # no end line: cut
            stream(item(3, 9), item(4, 16), item(5, 25), end={"status": "SUCCEEDED", "count": 3, "total": 6})])

        self.assertEqual(list(self.pool().imap("x*x", range(6))), [0, 1, 4, 9, 16, 25])
        self.assertEqual([r.query for r in self.fake.made("GET")], [{"from": "0"}, {"from": "3"}])
        self.assertEqual(self.fake.made("POST")[0].json()["async"], True)

    def test_a_line_cut_in_the_middle_is_read_again(self):
        self.submitted(3)
        self.fake.on("GET", "/api/v1/jobs/s1/results", [
            stream(item(0, 10), raw=b'{"index":1,"res'),
            stream(item(1, 20), item(2, 30), end={"status": "SUCCEEDED", "count": 2, "total": 3})])

        self.assertEqual(list(self.pool().imap("x*10", [1, 2, 3])), [10, 20, 30])
        self.assertEqual(self.fake.made("GET")[1].query, {"from": "1"})

    def test_imap_unordered_starts_a_cut_stream_again_and_skips_what_it_has(self):
        self.submitted(4)
        self.fake.on("GET", "/api/v1/jobs/s1/results", [
            stream(item(2, 6), item(0, 0)),
            stream(item(2, 6), item(0, 0), item(3, 9), item(1, 3), end={"status": "SUCCEEDED", "count": 4, "total": 4})])

        self.assertEqual(list(self.pool().imap_unordered("x*3", range(4))), [6, 0, 9, 3])
        self.assertEqual([r.query for r in self.fake.made("GET")], [{"order": "completion"}] * 2)

    def test_a_stream_that_keeps_being_cut_raises_after_the_bounded_tries(self):
        self.submitted(2)
        self.fake.on("GET", "/api/v1/jobs/s1/results", stream(item(0, 1)))

        results = self.pool().imap("x", [1, 2])
        self.assertEqual(next(results), 1)
        with self.assertRaisesRegex(ServiceUnreachable, "the results of job s1 stopped 6 times in a row"):
            next(results)
        self.assertEqual(len(self.fake.made("GET")), 6)
        self.assertEqual(self.waits, [0.2, 0.4, 0.8, 1.6, 2.0])

    def test_a_failed_item_raises_in_its_place_after_the_items_before_it(self):
        self.submitted(4)
        failure = {"type": "urn:poolmap:problem:item-failed", "status": 422, "jobId": "s1", "index": 2, "value": 0,
                   "exception": "ZeroDivisionError", "detail": "numbers[2] = 0: ZeroDivisionError: division by zero"}
        self.fake.on("GET", "/api/v1/jobs/s1/results", stream(
            item(0, 0.5), item(1, 1.0), {"index": 2, "error": failure},
            end={"status": "FAILED", "count": 3, "total": 4, "error": failure}))

        results = self.pool().imap(lambda v: 1 / v, [2, 1, 0, 4])
        self.assertEqual([next(results), next(results)], [0.5, 1.0])
        with self.assertRaises(ZeroDivisionError) as failed:
            next(results)
        self.assertEqual((failed.exception.index, str(failed.exception)), (2, "division by zero"))

    def test_a_cancelled_job_ends_its_stream_with_a_job_error(self):
        self.submitted(3)
        cancelled = {"type": "urn:poolmap:problem:job-cancelled", "status": 409, "detail": "cancelled by a client",
                     "jobId": "s1"}
        self.fake.on("GET", "/api/v1/jobs/s1/results", stream(
            item(0, 1), end={"status": "CANCELLED", "count": 1, "total": 3, "error": cancelled}))

        results = self.pool().imap_unordered("sleep", [1, 2, 3])
        self.assertEqual(next(results), 1)
        with self.assertRaises(JobError) as failed:
            next(results)
        self.assertEqual(failed.exception.slug, "job-cancelled")

    def test_a_job_poolmap_has_forgotten_is_a_job_error_not_a_cut(self):
        self.submitted(1)
        self.fake.on("GET", "/api/v1/jobs/s1/results", problem(404, "job-not-found", "no job with id 's1'"))
        with self.assertRaisesRegex(JobError, "no job with id 's1'"):
            list(self.pool().imap("x", [1]))
        self.assertEqual(len(self.fake.made("GET")), 1)


if __name__ == "__main__":
    unittest.main()
