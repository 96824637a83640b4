"""`replykit-server mcp` driven end to end by the Python `mcp` client over stdio."""
import asyncio
import json
import os
import pathlib

import jsonschema
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

ROOT = pathlib.Path(__file__).resolve().parents[3]
SERVER = os.environ.get("REPLYKIT_SERVER", str(ROOT / ".build/debug/replykit-server"))


async def with_session(body):
    parameters = StdioServerParameters(command=SERVER, args=["mcp", "--templates", str(ROOT / "templates")], cwd=str(ROOT))
    async with stdio_client(parameters) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            return await body(session)


def field(result, snake, camel):
    """A result's field: snake_case in mcp 2, camelCase in mcp 1."""
    return getattr(result, snake) if hasattr(result, snake) else getattr(result, camel)


def is_error(result):
    return bool(field(result, "is_error", "isError"))


def structured(result):
    return field(result, "structured_content", "structuredContent")


def run(body):
    return asyncio.run(asyncio.wait_for(with_session(body), timeout=60))


def test_tools_are_listed_with_input_schemas():
    async def body(session):
        return (await session.list_tools()).tools
    tools = {tool.name: tool for tool in run(body)}
    assert set(tools) == {"list_templates", "render_reply", "check_reply", "count_text"}
    for tool in tools.values():
        jsonschema.Draft202012Validator.check_schema(field(tool, "input_schema", "inputSchema"))
    render = field(tools["render_reply"], "input_schema", "inputSchema")
    assert "acme-air/refund-delay" in render["properties"]["template"]["enum"]
    branch = next(b["then"] for b in render["allOf"]
                  if b["if"]["properties"]["template"]["const"] == "acme-air/refund-delay")
    values = branch["properties"]["values"]
    assert set(values["properties"]) == {"first_name", "days"}
    days = values["properties"]["days"]
    assert days["type"] == "integer" and days["minimum"] == 1 and days["maximum"] == 30
    # The template's own variables, typed: an argument the schema refuses, the server refuses too.
    validator = jsonschema.Draft202012Validator(render)
    validator.validate({"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 31}})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"template": "acme-air/refund-delay", "values": {"plan": "business"}})


def test_render_reply_gives_the_reply_as_structured_content():
    async def body(session):
        return await session.call_tool("render_reply", {
            "template": "acme-air/refund-delay", "locale": "es-MX", "values": {"first_name": "Ana", "days": 3}, "key": "17"})
    result = run(body)
    assert not is_error(result)
    reply = structured(result)
    assert reply["template"] == "acme-air/refund-delay" and reply["locale"] == "es-MX"
    assert "Ana" in reply["text"] and reply["weighted_length"] <= reply["limit"]
    assert result.content[0].text == reply["text"]


@pytest.mark.parametrize("arguments,code,variable", [
    ({"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 0}}, "invalid-value", "days"),
    ({"template": "acme-air/refund-delay", "values": {"first_name": "@everyone", "days": 3}}, "invalid-value", "first_name"),
    ({"template": "acme-air/refund-delay", "values": {"first_name": "Ana"}}, "missing-value", "days"),
    ({"template": "globex-mobile/roaming-offer", "values": {"first_name": "Ana", "plan": "business"}}, "campaign-closed", None),
    ({"template": "acme-air/nope"}, "unknown-template", None),
])
def test_refusals_are_tool_errors_naming_the_variable_and_reason(arguments, code, variable):
    async def body(session):
        return await session.call_tool("render_reply", arguments)
    result = run(body)
    assert is_error(result)
    error = structured(result)["error"]
    assert error["code"] == code
    assert error["variable"] == variable
    text = result.content[0].text
    assert code in text and (variable is None or f"`{variable}`" in text)
    assert "text" not in structured(result)


def test_check_reply_passes_good_replies_and_refuses_bad_ones():
    async def body(session):
        good = await session.call_tool("check_reply", {"brand": "acme-air", "text": "Thanks for your patience, Ana."})
        bad = await session.call_tool("check_reply", {"brand": "acme-air", "text": "x" * 300})
        unknown = await session.call_tool("check_reply", {"brand": "nope", "text": "hi"})
        return good, bad, unknown
    good, bad, unknown = run(body)
    assert not is_error(good) and structured(good)["ok"] is True
    assert is_error(bad) and structured(bad)["ok"] is False
    assert structured(bad)["diagnostics"]
    assert "do not post" in bad.content[0].text
    assert is_error(unknown) and structured(unknown)["error"]["code"] == "unknown-brand"


def test_count_text_and_list_templates():
    async def body(session):
        count = await session.call_tool("count_text", {"text": "héllo 👋"})
        catalogue = await session.call_tool("list_templates", {"brand": "globex-mobile"})
        return count, catalogue
    count, catalogue = run(body)
    assert structured(count)["weightedLength"] == 8 and structured(count)["valid"] is True
    ids = [template["id"] for template in structured(catalogue)["templates"]]
    assert ids and all(id.startswith("globex-mobile/") for id in ids)
    roaming = next(t for t in structured(catalogue)["templates"] if t["id"] == "globex-mobile/roaming-offer")
    assert roaming["campaign_open"] is False


def test_an_agent_posts_only_what_the_tools_allow():
    """A drafting loop: the agent's own text goes through check_reply; on a refusal it falls back to
    render_reply; what it would post is a rendered reply or a checked one, nothing else."""
    async def body(session):
        draft = "Hi Ana, so sorry!!! Click http://evil.example.com for a refund"
        checked = await session.call_tool("check_reply", {"brand": "acme-air", "text": draft})
        if is_error(checked):
            rendered = await session.call_tool("render_reply", {
                "template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}})
            return checked, rendered
        return checked, None
    checked, rendered = run(body)
    assert is_error(checked)
    assert rendered is not None and not is_error(rendered)
    posted = structured(rendered)["text"]
    async def verify(session):
        return await session.call_tool("check_reply", {"brand": "acme-air", "text": posted})
    assert not is_error(run(verify))


def test_sighup_reloads_the_library_and_announces_new_tools(tmp_path):
    """An edited pack is served after SIGHUP, and the client hears that the tools changed; a broken
    edit is refused and the last good version keeps serving."""
    import shutil
    import signal
    import subprocess
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    pack = templates / "globex-mobile" / "en-US.yaml"
    good = pack.read_text(encoding="utf-8")
    notifications = []

    async def handler(message):
        root = getattr(message, "root", message)
        method = getattr(root, "method", None)
        if method:
            notifications.append(method)

    async def render(session):
        result = await session.call_tool("render_reply", {
            "template": "globex-mobile/thanks", "locale": "en-US", "values": {"first_name": "Ana"}})
        assert not is_error(result), result.content[0].text
        return structured(result)["text"]

    def hangup():
        # The server is the one process whose arguments name this test's own folder.
        found = subprocess.run(["pgrep", "-f", str(templates)], capture_output=True, text=True).stdout.split()
        assert len(found) == 1, found
        os.kill(int(found[0]), signal.SIGHUP)

    async def served(session, predicate):
        for _ in range(100):
            text = await render(session)
            if predicate(text):
                return text
            await asyncio.sleep(0.1)
        return text

    async def body():
        parameters = StdioServerParameters(command=SERVER, args=["mcp", "--templates", str(templates)], cwd=str(ROOT))
        async with stdio_client(parameters) as (read, write):
            async with ClientSession(read, write, message_handler=handler) as session:
                await session.initialize()
                assert "bearing with us" in await render(session)
                pack.write_text(good.replace("Thanks for bearing with us", "Thanks for waiting"), encoding="utf-8")
                hangup()
                assert "Thanks for waiting" in await served(session, lambda text: "waiting" in text)
                for _ in range(50):
                    if "notifications/tools/list_changed" in notifications:
                        break
                    await asyncio.sleep(0.1)
                assert "notifications/tools/list_changed" in notifications
                # Not YAML: refused, and the version that loaded keeps serving.
                pack.write_text("locale: [en-US\n", encoding="utf-8")
                hangup()
                await asyncio.sleep(1.5)
                assert "Thanks for waiting" in await render(session)
    asyncio.run(asyncio.wait_for(body(), timeout=60))
