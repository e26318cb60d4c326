"""A PEP 517 build backend of the standard library alone, so that ``pip install ./clients/python`` works offline.

pip builds a project in an isolated environment and first installs the backend that ``pyproject.toml`` names; with
setuptools or flit that means the network. This backend is in the tree (``backend-path``), needs nothing, and builds
the one pure-Python wheel this client is: the ``poolmap`` package, its metadata from ``[project]``, a RECORD.
``build_editable`` (PEP 660, ``pip install -e``) puts a ``.pth`` file pointing at the source instead.
"""

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "poolmap"


def project():
    """``[project]``'s string values from pyproject.toml (tomllib where there is one, Python 3.11+)."""
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as source:
        text = source.read()
    try:
        import tomllib
    except ImportError:  # Python 3.9, 3.10: the few keys this file has are `key = "value"` lines
        section = re.search(rb"^\[project\]\s*$(.*?)(?=^\[|\Z)", text, re.S | re.M).group(1).decode()
        return {k: v for k, v in re.findall(r'^([\w-]+)\s*=\s*"([^"]*)"\s*$', section, re.M)}
    return {k: v for k, v in tomllib.loads(text.decode())["project"].items() if isinstance(v, str)}


def metadata():
    fields = project()
    lines = ["Metadata-Version: 2.1", "Name: " + fields["name"], "Version: " + fields["version"],
             "Summary: " + fields["description"], "Requires-Python: " + fields["requires-python"],
             "License: " + fields.get("license", "Apache-2.0"), "Description-Content-Type: text/markdown", ""]
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as readme:
        return "\n".join(lines) + "\n" + readme.read()


def _dist_info():
    fields = project()
    return "%s-%s.dist-info" % (fields["name"], fields["version"]), "%s-%s" % (fields["name"], fields["version"])


def _package_files():
    for directory, _, files in os.walk(os.path.join(ROOT, PACKAGE)):
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                yield os.path.relpath(path, ROOT).replace(os.sep, "/"), path


def _wheel(directory, contents):
    dist_info, stem = _dist_info()
    name = stem + "-py3-none-any.whl"
    records = []
    with zipfile.ZipFile(os.path.join(directory, name), "w", zipfile.ZIP_DEFLATED) as wheel:
        def add(arcname, data):
            wheel.writestr(arcname, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            records.append("%s,sha256=%s,%d" % (arcname, digest, len(data)))

        for arcname, data in contents:
            add(arcname, data)
        add(dist_info + "/METADATA", metadata().encode())
        add(dist_info + "/WHEEL", b"Wheel-Version: 1.0\nGenerator: poolmap _build/backend.py\n"
                                  b"Root-Is-Purelib: true\nTag: py3-none-any\n")
        records.append(dist_info + "/RECORD,,")
        wheel.writestr(dist_info + "/RECORD", "\n".join(records) + "\n")
    return name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    contents = []
    for arcname, path in _package_files():
        with open(path, "rb") as source:
            contents.append((arcname, source.read()))
    return _wheel(wheel_directory, contents)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _wheel(wheel_directory, [("_poolmap_editable.pth", (ROOT + "\n").encode())])


def build_sdist(sdist_directory, config_settings=None):
    _, stem = _dist_info()
    name = stem + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as sdist:
        for path in ["pyproject.toml", "README.md", "_build/backend.py"] + [a for a, _ in _package_files()]:
            sdist.add(os.path.join(ROOT, path), stem + "/" + path)
        info = metadata().encode()
        entry = tarfile.TarInfo(stem + "/PKG-INFO")
        entry.size = len(info)
        sdist.addfile(entry, io.BytesIO(info))
    return name


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []
