"""Fixtures for the translate-toolkit round trip of `replykit xliff` (run by EndToEndTests)."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def replykit():
    path = os.environ.get("REPLYKIT")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("REPLYKIT must name the built replykit executable")
    return path


@pytest.fixture(scope="session")
def schema():
    """An lxml schema of XLIFF 2.0 core with the Size and Length Restriction module."""
    from lxml import etree

    folder = Path(os.environ.get("XLIFF_SCHEMAS", "/work/shared/conformance/xliff"))
    if not (folder / "xliff_core_2.0.xsd").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no XLIFF 2.0 schemas in {folder}")
        pytest.skip(f"no XLIFF 2.0 schemas in {folder}")
    # A driver schema that imports the core and the module, so one validation covers both.
    driver = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0" schemaLocation="{(folder / 'xliff_core_2.0.xsd').as_uri()}"/>
      <xs:import namespace="urn:oasis:names:tc:xliff:sizerestriction:2.0" schemaLocation="{(folder / 'size_restriction.xsd').as_uri()}"/>
    </xs:schema>"""
    return etree.XMLSchema(etree.fromstring(driver.encode(), base_url=str(folder) + "/"))


class Repo:
    def __init__(self, root: Path, replykit: str):
        self.root = root
        self.replykit = replykit

    def run(self, *args, expect=0):
        done = subprocess.run([self.replykit, *args], cwd=self.root, capture_output=True, text=True, timeout=120)
        assert done.returncode == expect, f"replykit {' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
        return done

    def snapshot(self):
        return {p.relative_to(self.root).as_posix(): p.read_bytes()
                for p in (self.root / "templates").rglob("*") if p.is_file()}

    def lint_errors(self):
        done = subprocess.run([self.replykit, "lint", "--format", "json"], cwd=self.root, capture_output=True, text=True)
        return json.loads(done.stdout)["summary"]["errors"]


@pytest.fixture
def repo(tmp_path, replykit):
    shutil.copytree(PACKAGE / "templates", tmp_path / "templates")
    return Repo(tmp_path, replykit)
