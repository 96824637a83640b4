"""Reload and shutdown of the real process: SIGHUP under load loses no request; a refused version
keeps the old one serving; SIGTERM finishes the request in flight."""
import json
import pathlib
import shutil
import signal
import socket
import threading
import time

import requests

from conftest import ROOT, Server

RENDER = json.dumps({"template": "globex-mobile/thanks", "values": {"first_name": "Ana"}})


def test_sighup_under_load_loses_no_request(tmp_path):
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    server = Server("--templates", str(tmp_path))
    failures, done = [], threading.Event()
    counts = [0]

    def hammer():
        with requests.Session() as session:
            while not done.is_set():
                response = session.post(server.url + "/v1/render", data=RENDER, timeout=10)
                counts[0] += 1
                if response.status_code != 200:
                    failures.append((response.status_code, response.text))

    workers = [threading.Thread(target=hammer) for _ in range(4)]
    for worker in workers:
        worker.start()
    pack = tmp_path / "templates/globex-mobile/en-US.yaml"
    original = pack.read_text()
    try:
        for round in range(6):
            time.sleep(0.3)
            if round == 2:
                pack.write_text(original.replace("{first_name}!", "{no_such_variable}!"))
            elif round == 4:
                pack.write_text(original.replace("Thanks for bearing with us", "Thank you for waiting"))
            server.process.send_signal(signal.SIGHUP)
            if round == 2:
                # SIGHUPs that come while a reload runs make one reload: let the broken version be
                # read before the next edit replaces it.
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and not any("reload refused" in line for line in list(server.log)):
                    time.sleep(0.1)
        # A reload loads and lints off the request path; on a busy machine that takes a while.
        # Keep the load on until the last version serves, or the deadline passes.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            time.sleep(0.25)
            reply = requests.post(server.url + "/v1/render", data=RENDER, timeout=10).json()
            if reply.get("text") == "Thank you for waiting, Ana!":
                break
    finally:
        done.set()
        for worker in workers:
            worker.join()
    text = requests.post(server.url + "/v1/render", data=RENDER, timeout=10).json()["text"]
    assert server.stop() == 0
    log = server.read_log()
    assert failures == []
    assert counts[0] > 50
    assert text == "Thank you for waiting, Ana!"
    refused = [entry for entry in log if entry["msg"].startswith("reload refused")]
    assert refused and any("no_such_variable" in finding for finding in refused[0]["diagnostics"])
    assert any(entry["msg"] == "reloaded" for entry in log)


def test_sigterm_finishes_the_request_in_flight():
    server = Server("--templates", str(ROOT / "templates"))
    line = json.dumps({"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}}) + "\n"
    with socket.create_connection(("127.0.0.1", server.port)) as connection:
        head = (f"POST /v1/render/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                f"Content-Type: application/x-ndjson\r\n\r\n")
        connection.sendall(head.encode())
        chunk = line.encode()
        connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        time.sleep(0.5)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert server.process.poll() is None, "the server stopped with a request in flight"
        connection.sendall(b"%x\r\n%s\r\n0\r\n\r\n" % (len(chunk), chunk))
        received = b""
        connection.settimeout(10)
        while True:
            part = connection.recv(65536)
            if not part:
                break
            received += part
            if received.endswith(b"0\r\n\r\n"):
                break
    assert received.startswith(b"HTTP/1.1 200")
    assert received.count(b'"text"') == 2
    assert server.process.wait(timeout=30) == 0


def test_logs_hold_no_values_unless_asked(tmp_path):
    body = json.dumps({"template": "acme-air/refund-delay", "values": {"first_name": "Zebulon", "days": 99}})
    quiet = Server("--templates", str(ROOT / "templates"))
    requests.post(quiet.url + "/v1/render", data=body, timeout=10)
    quiet.stop()
    log = quiet.read_log()
    requests_logged = [entry for entry in log if entry["msg"] == "request"]
    assert len(requests_logged) == 1
    assert requests_logged[0]["status"] == "422" and requests_logged[0]["error"] == "invalid-value"
    assert not any("Zebulon" in json.dumps(entry) for entry in log)
    loud = Server("--templates", str(ROOT / "templates"), "--log-values")
    requests.post(loud.url + "/v1/render", data=body, timeout=10)
    loud.stop()
    assert any("Zebulon" in entry.get("body", "") for entry in loud.read_log())


def test_listens_on_loopback_by_default():
    server = Server("--templates", str(ROOT / "templates"))
    try:
        listening = next(json.loads(line) for line in server.log if '"listening"' in line)
        assert listening["address"].startswith("http://127.0.0.1:")
    finally:
        server.stop()


def test_refuses_to_start_on_a_broken_library(tmp_path):
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    pack = tmp_path / "templates/globex-mobile/en-US.yaml"
    pack.write_text(pack.read_text().replace("{first_name}!", "{no_such_variable}!"))
    import subprocess
    from conftest import SERVER
    result = subprocess.run([SERVER, "serve", "--port", "0", "--templates", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no_such_variable" in result.stderr


def test_a_body_slower_than_the_request_timeout_is_refused():
    server = Server("--templates", str(ROOT / "templates"), "--request-timeout", "1")
    body = json.dumps({"template": "globex-mobile/thanks", "values": {"first_name": "Ana"}}).encode()
    try:
        with socket.create_connection(("127.0.0.1", server.port)) as connection:
            connection.sendall(b"POST /v1/render HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body))
            connection.sendall(body[:10])
            time.sleep(1.5)
            connection.sendall(body[10:])
            connection.settimeout(10)
            received = connection.recv(65536)
        assert received.startswith(b"HTTP/1.1 408"), received
        assert b'"code": "timeout"' in received
        # A prompt request on the same server still renders.
        assert requests.post(server.url + "/v1/render", data=body, timeout=10).status_code == 200
    finally:
        server.stop()
