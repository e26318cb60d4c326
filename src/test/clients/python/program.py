"""The seed examples of poolmap's README through the Python client that openapi-generator made from the running jar's
OpenAPI document (package poolmap_client on PYTHONPATH). Usage: python3 program.py http://localhost:PORT

Exits 0 when every check holds; prints what it saw either way, and the first check that failed.
"""
import sys

import poolmap_client
from poolmap_client import JobRequest
from poolmap_client.exceptions import ApiException


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok  ", what)


def results(job):
    """The job's results as Python values: each item of the oneOf Result, unwrapped."""
    return [result.actual_instance for result in job.results]


def problem_of(call):
    """Runs a call that must fail and returns the Problem the client read from its body."""
    try:
        call()
    except ApiException as failure:
        check(isinstance(failure.data, poolmap_client.Problem),
              f"the client reads the {failure.status} answer as a Problem: {failure.body}")
        check(failure.headers.get("Content-Type", "").startswith("application/problem+json"),
              f"the {failure.status} answer is application/problem+json")
        return failure.status, failure.data
    raise AssertionError("the call did not fail")


def main(base_url):
    configuration = poolmap_client.Configuration(host=base_url)
    with poolmap_client.ApiClient(configuration) as client:
        jobs = poolmap_client.JobsApi(client)
        operations = poolmap_client.OperationsApi(client)

        names = [operation.name for operation in operations.list_operations()]
        check({"double", "square", "is_prime", "sleep"} <= set(names), f"the operations are listed: {names}")

        # Pool(processes=4).map(double, [1, 2, 3, 4, 5])
        job = jobs.submit_job(JobRequest(operation="double", numbers=[1, 2, 3, 4, 5], parallelism=4))
        check(job.status == "SUCCEEDED" and results(job) == [2, 4, 6, 8, 10], f"double over 1..5: {results(job)}")
        check(1 <= job.parallelism <= 4, f"parallelism 4 is clamped to the pool: {job.parallelism}")
        check(sum(job.workers.values()) == 5 and all(name.startswith("worker-") for name in job.workers),
              f"named workers computed the five items: {job.workers}")

        # p = Process(target=f, args=(x,)); p.start(); p.join()
        accepted = jobs.submit_job_with_http_info(JobRequest(operation="sleep", numbers=[300], var_async=True))
        check(accepted.status_code == 202, f"an asynchronous job is accepted: {accepted.status_code}")
        check(accepted.headers["Location"] == "/api/v1/jobs/" + accepted.data.id, f"at {accepted.headers['Location']}")
        check(accepted.data.results is None or accepted.data.status == "SUCCEEDED", "results only with SUCCEEDED")
        joined = jobs.get_job(accepted.data.id, wait="10s")
        check(joined.status == "SUCCEEDED" and results(joined) == [300], f"joined: {joined.status} {results(joined)}")

        # print(current_process().name) for each number
        job = jobs.submit_job(JobRequest(operation="fibonacci", numbers=list(range(20000, 19992, -1)), chunk_size=1))
        page = jobs.list_items(job.id)
        check(page.total == 8 and [item.index for item in page.items] == list(range(8)), "eight items, in order")
        check(all(item.worker.startswith("worker-") for item in page.items),
              "each item names its worker: " + ", ".join(f"{item.input.actual_instance}→{item.worker}" for item in page.items))
        check(len(str(page.items[0].result.actual_instance)) == 4180, "F(20000) has 4,180 digits, exact")

        # Pool().map(square, numbers): Python's int, exact
        job = jobs.submit_job(JobRequest(operation="square", numbers=[3037000500]))
        check(results(job) == [9223372037000250000], f"square(3037000500) is exact: {results(job)}")

        job = jobs.submit_job(JobRequest(operation="is_prime", numbers=[2, 15, 97, 1000000007, 9223372036854775783]))
        check(results(job) == [True, False, True, True, True], f"is_prime gives booleans: {results(job)}")

        # errors, read through the client's error type, with their problem members
        status, problem = problem_of(lambda: jobs.submit_job(JobRequest(operation="sqrt", numbers=[4, -1])))
        check(status == 422 and problem.type == "urn:poolmap:problem:outside-domain" and problem.index == 1
              and problem.value.actual_instance == -1 and problem.pointer == "/numbers/1",
              f"422 outside-domain names the item: {problem.detail}")
        status, problem = problem_of(lambda: jobs.get_job("no-such-job"))
        check(status == 404 and problem.type == "urn:poolmap:problem:job-not-found" and problem.job_id == "no-such-job",
              f"404 job-not-found names the job: {problem.detail}")
        status, problem = problem_of(lambda: jobs.get_job(job.id, wait="soon"))
        check(status == 400 and problem.parameter == "wait" and len(problem.errors) == 1
              and problem.errors[0].parameter == "wait", f"400 invalid-request names the parameter: {problem.detail}")


if __name__ == "__main__":
    main(sys.argv[1])
    print("python client: every check passed")
