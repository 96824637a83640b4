"""Fixtures of the preview's browser tests: the built sites (of templates/ and of fixture/), the `replykit` that built it, and a
headless Chromium driven through Selenium with Debian's chromium-driver.

The Swift test EndToEndTests/PreviewBrowserTests builds the site and runs this suite with
--site, --fixture-site, --replykit, --templates and --screenshots."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def pytest_addoption(parser):
    parser.addoption("--site", required=True, help="the folder replykit preview wrote")
    parser.addoption("--replykit", required=True, help="the replykit executable")
    parser.addoption("--templates", required=True, help="the templates folder the site was built from")
    parser.addoption("--screenshots", required=True, help="where to write the screenshots")
    parser.addoption("--fixture-site", required=True, help="the site replykit preview wrote of Tests/Python/preview/fixture")


@pytest.fixture(scope="session")
def site(request):
    return Path(request.config.getoption("--site")).resolve()


@pytest.fixture(scope="session")
def fixture_site(request):
    return Path(request.config.getoption("--fixture-site")).resolve()


@pytest.fixture(scope="session")
def screenshots(request):
    folder = Path(request.config.getoption("--screenshots")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Replykit:
    """The executable, run as a user runs it."""

    def __init__(self, executable, templates):
        self.executable = executable
        self.templates = templates

    def run(self, *arguments):
        return subprocess.run([self.executable, *arguments], capture_output=True, text=True, timeout=60)

    def render(self, template, locale, variant):
        """`render --examples --format json`, or None when it refuses (a campaign closed now)."""
        done = self.run("render", template, "--locale", locale, "--variant", str(variant), "--examples",
                        "--format", "json", "--templates", self.templates)
        if done.returncode != 0:
            return None
        return json.loads(done.stdout)

    def count(self, text):
        done = self.run("count", "--format", "json", text)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)["weightedLength"]


@pytest.fixture(scope="session")
def replykit(request):
    return Replykit(request.config.getoption("--replykit"), request.config.getoption("--templates"))


def _executable(*names):
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = _executable("chromium", "chromium-browser") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--force-device-scale-factor=1", "--lang=en-US"]:
        options.add_argument(argument)
    # The network log: every request the pages make, to check none goes to another host.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    service = Service(executable_path=_executable("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(options=options, service=service)
    browser.execute_cdp_cmd("Network.enable", {})
    yield browser
    browser.quit()
