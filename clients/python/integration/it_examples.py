"""The examples print exactly what multiprocessing prints: each program runs as it is against poolmap
(``POOLMAP_URL``) and, with its one poolmap import line turned back into the original, under real multiprocessing;
the two outputs must be the same, character for character."""

import os
import re
import subprocess
import sys
import tempfile
import unittest

from integration.support import URL
from poolmap import Service

CLIENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(CLIENT, "examples")
#: the one line each twin changes, and the original's
IMPORTS = {"from poolmap import Pool": "from multiprocessing import Pool",
           "import poolmap as multiprocessing": "import multiprocessing"}
TWINS = ["double.py", "square.py", "cpu_count.py", "join.py"]


def run(path, environment):
    done = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=120,
                          cwd=os.path.dirname(path), env=dict(os.environ, **environment))
    if done.returncode != 0:
        raise AssertionError("%s exited with %d:\n%s%s" % (path, done.returncode, done.stdout, done.stderr))
    return done.stdout


def original(source):
    """The multiprocessing program: the same source with its poolmap import line turned back; exactly one line."""
    lines = source.splitlines(True)
    changed = [i for i, line in enumerate(lines) if line.rstrip("\n") in IMPORTS]
    assert len(changed) == 1, "an example has exactly one poolmap import line, not %d" % len(changed)
    lines[changed[0]] = IMPORTS[lines[changed[0]].rstrip("\n")] + "\n"
    return "".join(lines)


class TheExamplesPrintWhatMultiprocessingPrints(unittest.TestCase):

    def test_each_example_prints_on_poolmap_what_it_prints_under_multiprocessing(self):
        with tempfile.TemporaryDirectory() as directory:
            for name in TWINS:
                with self.subTest(example=name):
                    with open(os.path.join(EXAMPLES, name)) as source:
                        program = source.read()
                    twin = os.path.join(directory, name)
                    with open(twin, "w") as out:
                        out.write(original(program))
                    expected = run(twin, {})
                    actual = run(os.path.join(EXAMPLES, name), {"POOLMAP_URL": URL, "PYTHONPATH": CLIENT})
                    self.assertTrue(expected.strip(), "the original printed nothing")
                    self.assertEqual(actual, expected)

    def test_which_worker_names_the_services_workers_for_each_item(self):
        output = run(os.path.join(EXAMPLES, "which_worker.py"), {"POOLMAP_URL": URL, "PYTHONPATH": CLIENT})
        names = {w["name"] for w in Service(URL).json("GET", "/actuator/workers")["workers"]}
        lines = output.splitlines()
        self.assertEqual(len(lines), 9, output)
        for line in lines[:8]:
            match = re.fullmatch(r"fibonacci\((\d+)\) has (\d+) digits, computed by (\S+)", line)
            self.assertIsNotNone(match, line)
            self.assertIn(match.group(3), names)
        self.assertEqual(lines[0][:34], "fibonacci(20000) has 4180 digits, ")
        counts = eval(lines[8], {"__builtins__": {}})  # a dict of worker names and counts
        self.assertEqual(sum(counts.values()), 8)
        self.assertLessEqual(set(counts), names)


if __name__ == "__main__":
    unittest.main()
