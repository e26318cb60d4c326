"""API keys: with ``POOLMAP_API_KEY`` set, poolmap runs with that key (PythonClientIT starts a second jar with
``poolmap.security.api-keys``) and the client sends it, while a missing or wrong key is an AuthenticationError that
says what to do. Without ``POOLMAP_API_KEY``, the open service needs none."""

import os
import unittest

import poolmap
from integration.support import URL
from poolmap import AuthenticationError, Pool

KEY = os.environ.get("POOLMAP_API_KEY")


class ApiKeys(unittest.TestCase):

    def test_the_pool_computes_with_the_environments_key_or_none(self):
        with Pool(url=URL) as pool:
            self.assertEqual(pool.map(lambda v: v + 1, [1, 2]), [2, 3])
            self.assertEqual(list(pool.imap("x * 2", [1, 2])), [2, 4])
            self.assertEqual(poolmap.cpu_count(URL) > 0, True)

    @unittest.skipUnless(KEY, "the service has no keys (POOLMAP_API_KEY is not set)")
    def test_without_a_key_the_pool_says_which_key_to_give(self):
        with self.assertRaises(AuthenticationError) as refused:
            Pool(url=URL, api_key="").map("square", [2])
        self.assertIn("needs an API key (401): pass Pool(api_key=…) or set POOLMAP_API_KEY", str(refused.exception))
        self.assertEqual(refused.exception.problem["type"], "urn:poolmap:problem:unauthorized")
        with self.assertRaises(AuthenticationError):
            poolmap.cpu_count(URL, api_key="")

    @unittest.skipUnless(KEY, "the service has no keys (POOLMAP_API_KEY is not set)")
    def test_a_wrong_key_is_refused_saying_so(self):
        with self.assertRaisesRegex(AuthenticationError, "refused the API key"):
            Pool(url=URL, api_key="not-" + KEY).map_async("square", [2]).get(timeout=30)
        with self.assertRaisesRegex(AuthenticationError, "refused the API key"):
            list(Pool(url=URL, api_key="not-" + KEY).imap("square", [2]))


if __name__ == "__main__":
    unittest.main()
