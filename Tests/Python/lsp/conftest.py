"""Drives `replykit lsp` through pytest-lsp's LanguageClient, with the capabilities that VS Code and
Neovim send. `REPLYKIT` names the built executable (the Swift test that runs this suite sets it)."""

import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

PACKAGE_ROOT = pathlib.Path(__file__).resolve().parents[3]
REPLYKIT = os.environ.get("REPLYKIT", str(PACKAGE_ROOT / ".build" / "debug" / "replykit"))


@pytest.fixture
def repo(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the example repository (templates/ and locales/), edited freely by a test."""
    shutil.copytree(PACKAGE_ROOT / "templates", tmp_path / "templates")
    shutil.copytree(PACKAGE_ROOT / "locales", tmp_path / "locales")
    return tmp_path


def make_client() -> LanguageClient:
    """pytest-lsp's client, answering `client/registerCapability` as VS Code and Neovim do (the
    server registers its file watchers with it)."""
    client = make_test_lsp_client()
    client.registrations = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams):
        client.registrations.extend(params.registrations)
        return None

    return client


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[REPLYKIT, "lsp"], client_factory=make_client),
    params=["visual_studio_code", "neovim"],
)
async def client(lsp_client: LanguageClient, request, repo: pathlib.Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            root_uri=repo.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=repo.as_uri(), name="repo")],
        )
    )
    yield
    await lsp_client.shutdown_session()
