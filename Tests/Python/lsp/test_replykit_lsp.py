"""End-to-end: `replykit lsp` as an editor sees it."""

import asyncio
import pathlib

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient


def open_document(client: LanguageClient, path: pathlib.Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="yaml", version=1, text=path.read_text() if text is None else text
            )
        )
    )
    return uri


async def diagnostics_after(client: LanguageClient, uri: str, send) -> list[types.Diagnostic]:
    """Sends something (`send()`) and waits for the diagnostics of `uri` it makes the server push."""
    client.diagnostics.pop(uri, None)
    send()
    for _ in range(200):
        if uri in client.diagnostics:
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.05)
    raise AssertionError(f"no publishDiagnostics for {uri}")


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    for number, line in enumerate(text.split("\n")):
        index = line.find(needle)
        if index >= 0:
            return types.Position(line=number, character=len(line[:index].encode("utf-16-le")) // 2 + offset)
    raise AssertionError(f"no {needle!r}")


async def test_initialize_announces_the_features(client: LanguageClient):
    # The session is open: the features are on the client's side of the fixture.
    assert client.capabilities is not None


async def test_diagnostics_are_lints_and_follow_unsaved_edits(client: LanguageClient, repo: pathlib.Path):
    path = repo / "templates/acme-air/es-MX.yaml"
    text = path.read_text().replace("Hola {first_name}, ¿ya", "Hola 🙏 {nombre}, ¿ya")
    uri = path.as_uri()
    found = await diagnostics_after(client, uri, lambda: open_document(client, path, text))
    undeclared = [d for d in found if d.code == "undeclared-variable"]
    assert len(undeclared) == 1
    diagnostic = undeclared[0]
    assert diagnostic.source == "replykit"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.code_description.href.endswith("#undeclared-variable")
    start = position_of(text, "{nombre}")
    assert diagnostic.range.start.line == start.line
    assert diagnostic.range.start.character in (start.character, start.character + 1)

    # An incremental change puts the right name back: the finding goes.
    fixed = await diagnostics_after(client, uri, lambda: client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=start.line, character=start.character + 1),
                                  end=types.Position(line=start.line, character=start.character + 7)),
                text="first_name")],
        )))
    assert [d.code for d in fixed if d.code == "undeclared-variable"] == []

    pulled = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert pulled.kind == "full"
    assert [d.code for d in pulled.items] == [d.code for d in fixed]


async def test_a_duplicate_key_points_at_the_first_definition(client: LanguageClient, repo: pathlib.Path):
    path = repo / "templates/acme-air/es-MX.yaml"
    text = path.read_text().replace("  dm-nudge:", "  refund-check:\n    text: Hola otra vez.\n  dm-nudge:")
    uri = path.as_uri()
    found = await diagnostics_after(client, uri, lambda: open_document(client, path, text))
    duplicate = [d for d in found if d.code == "duplicate-key"]
    assert len(duplicate) == 1
    related = duplicate[0].related_information
    assert related and related[0].location.uri == uri
    assert related[0].location.range.start == position_of(text, "refund-check:")


async def test_an_unused_variable_is_tagged_unnecessary(client: LanguageClient, repo: pathlib.Path):
    path = repo / "templates/acme-air/brand.yaml"
    text = path.read_text().replace("variables:\n", "variables:\n  seat:\n    max_length: 4\n    example: 12A\n")
    found = await diagnostics_after(client, path.as_uri(), lambda: open_document(client, path, text))
    unused = [d for d in found if d.code == "unused-variable"]
    assert unused and list(unused[0].tags) == [types.DiagnosticTag.Unnecessary]


async def test_a_file_that_is_not_yaml_is_a_finding(client: LanguageClient, repo: pathlib.Path):
    path = repo / "templates/acme-air/fr-FR.yaml"
    found = await diagnostics_after(client, path.as_uri(), lambda: open_document(client, path, "locale: [fr-FR\n\t{{:"))
    assert "yaml-syntax" in [d.code for d in found]


async def test_hover_on_a_template_and_on_a_variable(client: LanguageClient, repo: pathlib.Path):
    path = repo / "templates/acme-air/en-US.yaml"
    text = path.read_text()
    uri = open_document(client, path)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "order-help:")))
    value = hover.contents.value
    assert "Worst case: **97 / 280**" in value
    assert "Happy to help, Ana. Send us your booking reference here. https://twitter.com/messages/compose?recipient_id=3805104374" in value
    assert "- es-MX: " in value and "- ja-JP: " in value

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "{days", 2)))
    assert "**`{days}`** · number" in hover.contents.value
    assert "an integer from 1 to 30" in hover.contents.value


async def test_completion_definition_symbols_and_hints(client: LanguageClient, repo: pathlib.Path):
    path = repo / "templates/acme-air/es-MX.yaml"
    text = path.read_text() + "  nueva:\n    text: Hola {\n"
    uri = open_document(client, path, text)
    lines = text.split("\n")
    completion = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=len(lines) - 2, character=len("    text: Hola {"))))
    items = completion.items if hasattr(completion, "items") else completion
    assert [item.label for item in items] == ["first_name", "days", "flight", "cabin"]

    definition = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "{first_name}", 2)))
    location = definition[0] if isinstance(definition, list) else definition
    brand = repo / "templates/acme-air/brand.yaml"
    assert location.uri == brand.as_uri()
    assert location.range.start == position_of(brand.read_text(), "first_name:")

    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [symbol.name for symbol in symbols][:3] == ["refund-delay", "refund-check", "bag-found"]

    hints = await client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=len(lines), character=0))))
    assert hints and all(hint.label.endswith(" / 280") for hint in hints)


async def test_code_actions_fix_what_fix_fixes(client: LanguageClient, repo: pathlib.Path):
    path = repo / "templates/acme-air/es-MX.yaml"
    text = path.read_text().replace("Hola {first_name},", "Hola  {first_name},")
    uri = path.as_uri()
    found = await diagnostics_after(client, uri, lambda: open_document(client, path, text))
    whitespace = [d for d in found if d.code == "whitespace"]
    assert whitespace
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=whitespace[0].range,
        context=types.CodeActionContext(diagnostics=whitespace)))
    kinds = sorted(action.kind for action in actions)
    assert kinds == ["quickfix", "source.fixAll.replykit"]
    quick = next(action for action in actions if action.kind == "quickfix")
    (edit,) = quick.edit.changes[uri]
    lines = text.split("\n")
    line = lines[edit.range.start.line]
    encoded = line.encode("utf-16-le")
    start, end = edit.range.start.character * 2, edit.range.end.character * 2
    lines[edit.range.start.line] = (encoded[:start] + edit.new_text.encode("utf-16-le") + encoded[end:]).decode("utf-16-le")
    assert "\n".join(lines) == path.read_text()


async def test_an_unknown_request_is_method_not_found(client: LanguageClient):
    with pytest.raises(Exception) as raised:
        await client.protocol.send_request_async("replykit/unknown", {})
    assert "-32601" in repr(raised.value) or "MethodNotFound" in type(raised.value).__name__ or "unknown method" in str(raised.value)
