"""Builds a small external plugin package (pyproject + module + `jems.plugins` entry points) in a folder and
installs it with pip into a separate site folder, offline: the package carries its own tiny PEP 517 build
backend, so neither the network nor `wheel` is needed."""

import subprocess
import sys
import textwrap
from pathlib import Path

NAME, VERSION, MODULE = "jems-probe-plugin", "0.3.1", "jems_probe_plugin"
KEY = "probe-pre-submission-check"

PYPROJECT = f"""
[build-system]
requires = []
build-backend = "probe_backend"
backend-path = ["."]

[project]
name = "{NAME}"
version = "{VERSION}"

[project.entry-points."jems.plugins"]
probe = "{MODULE}:ProbeCheck"
broken = "{MODULE}:DoesNotExist"
"""

PLUGIN = f'''
import pluggy

hookimpl = pluggy.HookimplMarker("jems")


class ProbeCheck:
    """An external pre-submission check: always allowed, one INFO message carrying the project id."""

    key = "{KEY}"
    plugin_type = "PRE_SUBMISSION_CHECK"
    name = "Probe check"
    version = "{VERSION}"
    description = "Example plugin from an installed package"

    @hookimpl
    def jems_pre_submission_check(self, project_id):
        from jems.plugins.hookspecs import CheckMessage, PreConditionCheckResult

        return PreConditionCheckResult(messages=[CheckMessage(key="probe", args={{"id": str(project_id)}})],
                                       submission_allowed=True)
'''

BACKEND = '''
"""A minimal PEP 517 backend: a pure-Python wheel of the one module with its entry points."""
import base64, hashlib, tomllib, zipfile
from pathlib import Path


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    project = tomllib.loads(Path("pyproject.toml").read_text())["project"]
    dist = project["name"].replace("-", "_")
    info = f"{dist}-{project['version']}.dist-info"
    points = "".join(f"[{group}]\\n" + "".join(f"{k} = {v}\\n" for k, v in entries.items())
                     for group, entries in project["entry-points"].items())
    files = {
        f"{dist}.py": Path(f"{dist}.py").read_bytes(),
        f"{info}/METADATA": f"Metadata-Version: 2.1\\nName: {project['name']}\\nVersion: {project['version']}\\n".encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\\nGenerator: probe_backend\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
        f"{info}/entry_points.txt": points.encode(),
    }
    record = "".join(
        f"{path},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}\\n"
        for path, data in files.items()) + f"{info}/RECORD,,\\n"
    wheel = f"{dist}-{project['version']}-py3-none-any.whl"
    with zipfile.ZipFile(Path(wheel_directory) / wheel, "w") as archive:
        for path, data in files.items():
            archive.writestr(path, data)
        archive.writestr(f"{info}/RECORD", record)
    return wheel
'''


def build_and_install(root: Path) -> Path:
    """Write the package under `root/src`, pip-install it into `root/site` and answer the site folder."""
    source, site = root / "src", root / "site"
    source.mkdir(parents=True)
    (source / "pyproject.toml").write_text(textwrap.dedent(PYPROJECT))
    (source / f"{MODULE}.py").write_text(textwrap.dedent(PLUGIN))
    (source / "probe_backend.py").write_text(textwrap.dedent(BACKEND))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "--disable-pip-version-check", "--target", str(site), str(source)],
                   check=True, capture_output=True, text=True)
    return site

