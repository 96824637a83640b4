"""schemathesis against the running server: generated requests from the committed document, with a
bounded number of examples, checked for server errors and conformance of statuses, content types
and bodies."""
import os
import pathlib
import subprocess
import sys


def test_schemathesis(server, tmp_path):
    schemathesis = pathlib.Path(sys.executable).parent / "schemathesis"
    examples = os.environ.get("REPLYKIT_SCHEMATHESIS_EXAMPLES", "40")
    result = subprocess.run(
        [str(schemathesis), "run", f"{server.url}/openapi.json", "--url", server.url,
         "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
         "--max-examples", examples, "--seed", "1", "--no-color"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)  # its cache stays out of the repository
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
