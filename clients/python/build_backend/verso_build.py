"""A PEP 517 build backend of the standard library alone.

The machines that install this package may reach no package index, and setuptools there may lack the
``wheel`` package its ``bdist_wheel`` needs; a wheel is only a zip with metadata, so this writes it.
"""

import base64
import hashlib
import io
import os
import tarfile
import zipfile

try:
    import tomllib
except ImportError:  # Python < 3.11: the few fields needed are read by hand below.
    tomllib = None

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SOURCE = os.path.join(_ROOT, "src")


def _project():
    with open(os.path.join(_ROOT, "pyproject.toml"), "rb") as handle:
        text = handle.read()
    if tomllib is not None:
        return tomllib.loads(text.decode("utf-8"))["project"]
    project, section = {}, None
    for line in text.decode("utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[project]" and "=" in line and line.split("=", 1)[1].strip().startswith('"'):
            key, value = line.split("=", 1)
            project[key.strip()] = value.strip().strip('"')
    return project


def _names():
    project = _project()
    name, version = project["name"], project["version"]
    return name, name.replace("-", "_"), version, project


def _metadata():
    name, _, version, project = _names()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {project.get('description', '')}",
        f"Requires-Python: {project.get('requires-python', '>=3.9')}",
        "Provides-Extra: synthorg",
        "Requires-Dist: pydantic>=2; extra == \"synthorg\"",
    ]
    readme = os.path.join(_ROOT, "README.md")
    body = ""
    if os.path.exists(readme):
        lines.append("Description-Content-Type: text/markdown")
        with open(readme, encoding="utf-8") as handle:
            body = "\n" + handle.read()
    return "\n".join(lines) + "\n" + body


def _files():
    for folder, _, files in os.walk(_SOURCE):
        for file in sorted(files):
            if file.endswith((".py", ".typed")):
                path = os.path.join(folder, file)
                yield path, os.path.relpath(path, _SOURCE).replace(os.sep, "/")


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def _dist_info_files():
    _, module, version, _ = _names()
    dist_info = f"{module}-{version}.dist-info"
    wheel = "Wheel-Version: 1.0\nGenerator: verso_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    return dist_info, {f"{dist_info}/METADATA": _metadata().encode("utf-8"), f"{dist_info}/WHEEL": wheel.encode("utf-8")}


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist_info, files = _dist_info_files()
    for name, data in files.items():
        path = os.path.join(metadata_directory, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
    return dist_info


def _write_wheel(wheel_directory, entries):
    _, module, version, _ = _names()
    dist_info, meta = _dist_info_files()
    filename = f"{module}-{version}-py3-none-any.whl"
    records = []
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in list(entries) + sorted(meta.items()):
            wheel.writestr(name, data)
            records.append(_record_line(name, data))
        records.append(f"{dist_info}/RECORD,,")
        wheel.writestr(f"{dist_info}/RECORD", "\n".join(records) + "\n")
    return filename


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    entries = []
    for path, name in _files():
        with open(path, "rb") as handle:
            entries.append((name, handle.read()))
    return _write_wheel(wheel_directory, entries)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    _, module, _, _ = _names()
    return _write_wheel(wheel_directory, [(f"__editable__{module}.pth", (_SOURCE + "\n").encode("utf-8"))])


def build_sdist(sdist_directory, config_settings=None):
    _, module, version, _ = _names()
    base = f"{module}-{version}"
    filename = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as archive:
        for top in ("pyproject.toml", "README.md", "build_backend", "src"):
            path = os.path.join(_ROOT, top)
            if os.path.exists(path):
                archive.add(path, arcname=f"{base}/{top}", filter=lambda info: None if "__pycache__" in info.name else info)
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        data = _metadata().encode("utf-8")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return filename
