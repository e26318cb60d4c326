"""``pip install ./clients/python`` works offline: the in-tree backend builds a wheel of the package alone, with its
metadata from pyproject.toml, and pip installs it without fetching anything."""

import os
import subprocess
import sys
import tempfile
import unittest
import zipfile

CLIENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(CLIENT, "_build"))
import backend  # noqa: E402 (the in-tree build backend)


def pip_available():
    return subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode == 0


class TheWheel(unittest.TestCase):

    def test_the_wheel_holds_the_package_its_metadata_and_a_record_of_both(self):
        with tempfile.TemporaryDirectory() as directory:
            name = backend.build_wheel(directory)
            self.assertEqual(name, "poolmap-0.1.0-py3-none-any.whl")
            with zipfile.ZipFile(os.path.join(directory, name)) as wheel:
                names = set(wheel.namelist())
                metadata = wheel.read("poolmap-0.1.0.dist-info/METADATA").decode()
                record = wheel.read("poolmap-0.1.0.dist-info/RECORD").decode()
                wheel.extractall(os.path.join(directory, "site"))
            self.assertIn("poolmap/__init__.py", names)
            self.assertFalse([n for n in names if n.startswith(("tests/", "examples/", "integration/"))])
            self.assertIn("Requires-Python: >=3.9", metadata)
            self.assertNotIn("Requires-Dist", metadata)
            self.assertEqual(len(record.splitlines()), len(names))
            imported = subprocess.run([sys.executable, "-c", "import poolmap; print(poolmap.__file__, "
                                       "poolmap.expression_of(abs))"], capture_output=True, text=True,
                                      cwd=directory, env=dict(os.environ, PYTHONPATH=os.path.join(directory, "site")))
            self.assertEqual(imported.returncode, 0, imported.stderr)
            self.assertIn(os.path.join(directory, "site", "poolmap"), imported.stdout)
            self.assertIn("{'expression': 'abs(x)'}", imported.stdout)

    def test_the_backend_reads_the_same_project_as_tomllib_does(self):
        fields = backend.project()
        self.assertEqual((fields["name"], fields["version"], fields["requires-python"]), ("poolmap", "0.1.0", ">=3.9"))
        import poolmap
        self.assertEqual(poolmap.__version__, fields["version"])

    @unittest.skipUnless(pip_available(), "this Python has no pip (Debian: apt-get install python3-pip)")
    def test_pip_installs_it_without_an_index(self):
        with tempfile.TemporaryDirectory() as target:
            installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-index", "--no-cache-dir",
                                        "--disable-pip-version-check", "--target", target, CLIENT],
                                       capture_output=True, text=True, timeout=300)
            self.assertEqual(installed.returncode, 0, installed.stdout + installed.stderr)
            self.assertTrue(os.path.isfile(os.path.join(target, "poolmap", "_pool.py")))


if __name__ == "__main__":
    unittest.main()
