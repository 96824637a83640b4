"""`replykit xliff` with translate-toolkit, the library behind Weblate and Pootle: its XLIFF 2.0
store (`translate.storage.xliff2`) reads every export, changes targets, writes the files back, and
replykit imports what it wrote. Every export, and every file translate-toolkit writes, is validated
against the XLIFF 2.0 schemas."""
import json

import pytest
from lxml import etree
from translate.storage import jsonl10n, xliff2

NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}


def load(path):
    with open(path, "rb") as handle:
        return xliff2.Xliff2File.parsefile(handle)


def save(store, path):
    with open(path, "wb") as handle:
        handle.write(bytes(store))


def unit(store, unit_id):
    found = [u for u in store.units if u.getid() == unit_id]
    assert found, f"no unit {unit_id} in {[u.getid() for u in store.units]}"
    return found[0]


def test_every_export_validates_and_reads_in_translate_toolkit(repo, schema):
    repo.run("xliff", "export", "--all-locales", "--output", "out")
    files = sorted((repo.root / "out").glob("*.xlf"))
    assert len(files) >= 10
    for path in files:
        document = etree.parse(str(path))
        assert schema.validate(document), f"{path.name}: {schema.error_log}"
        store = load(path)
        assert store.getsourcelanguage() in ("en-US", "en-GB")
        assert store.gettargetlanguage() == path.stem
        ids = [u.getid() for u in store.units]
        assert len(ids) == len(set(ids)) and all("/" not in i for i in ids)
        # Sources come through exactly as written, ICU syntax intact.
        xml_sources = [s.xpath("string()") for s in document.iterfind(".//x:segment/x:source", NS)]
        assert [u.source for u in store.units] == xml_sources
        # The notes translators need are on each unit, and survive translate-toolkit's rewrite.
        rewritten = etree.fromstring(bytes(store))
        for element in rewritten.iterfind(".//x:unit", NS):
            categories = [n.get("category") for n in element.iterfind("x:notes/x:note", NS)]
            assert "format" in categories
            assert element.find("x:notes/x:note[@category='format']", NS).text == "icu"


def test_unchanged_round_trip_changes_no_byte(repo, schema):
    repo.run("xliff", "export", "--all-locales", "--output", "out")
    before = repo.snapshot()
    for path in sorted((repo.root / "out").glob("*.xlf")):
        save(load(path), path)  # read and written back by translate-toolkit, nothing changed
        assert schema.validate(etree.parse(str(path))), schema.error_log
    repo.run("xliff", "import", *sorted(str(p) for p in (repo.root / "out").glob("*.xlf")))
    assert repo.snapshot() == before


def test_changed_targets_are_written_into_the_packs(repo, schema):
    repo.run("xliff", "export", "--locale", "es-MX", "--output", "es-MX.xlf")
    store = load(repo.root / "es-MX.xlf")
    check = unit(store, "refund-check::v1")
    check.target = "Hola {first_name}, ¿ya te llegó el reembolso?"
    check.marktranslated()
    variant = unit(store, "bag-found::v2")
    variant.target = "{first_name}: ¡apareció tu maleta!"
    variant.marktranslated()
    prefill = unit(store, "order-help.prefill::prefill")
    prefill.target = "Reservación: "
    prefill.marktranslated()
    save(store, repo.root / "es-MX.xlf")
    assert schema.validate(etree.parse(str(repo.root / "es-MX.xlf"))), schema.error_log
    before = repo.snapshot()
    repo.run("xliff", "import", "es-MX.xlf")
    after = repo.snapshot()
    changed = [path for path in after if after[path] != before.get(path)]
    assert changed == ["templates/acme-air/es-MX.yaml"]
    pack = after["templates/acme-air/es-MX.yaml"].decode()
    assert "    text: Hola {first_name}, ¿ya te llegó el reembolso?\n" in pack
    assert '      - "{first_name}: ¡apareció tu maleta!"\n' in pack
    assert '      prefill: "Reservación: "\n' in pack
    # Only those lines changed.
    old_lines = before["templates/acme-air/es-MX.yaml"].decode().splitlines()
    new_lines = pack.splitlines()
    assert len(old_lines) == len(new_lines)
    assert sum(a != b for a, b in zip(old_lines, new_lines)) == 3
    assert repo.lint_errors() == 0
    # A second import of the same file changes nothing.
    repo.run("xliff", "import", "es-MX.xlf")
    assert repo.snapshot() == after


def test_a_refused_unit_is_reported_with_its_id_and_nothing_is_written(repo):
    repo.run("xliff", "export", "--locale", "es-MX", "--output", "es-MX.xlf")
    store = load(repo.root / "es-MX.xlf")
    long = unit(store, "refund-check::v1")
    long.target = "Hola {first_name}, " + "¿ya recibiste tu reembolso? " * 12
    long.marktranslated()
    fine = unit(store, "dm-nudge::v1")
    fine.target = "¿Sigues ahí, {first_name}? Escríbenos por mensaje privado."
    fine.marktranslated()
    save(store, repo.root / "es-MX.xlf")
    before = repo.snapshot()
    done = repo.run("xliff", "import", "es-MX.xlf", "--format", "json", expect=1)
    report = json.loads(done.stdout)
    refused = [d for d in report["diagnostics"] if d["rule"] == "over-limit"]
    assert refused and refused[0]["file"] == "es-MX.xlf" and refused[0]["template"] == "refund-check"
    assert refused[0]["notes"][0].startswith("unit `refund-check`")
    assert repo.snapshot() == before
    # With --partial the unit that passed is written.
    repo.run("xliff", "import", "es-MX.xlf", "--partial", expect=1)
    pack = (repo.root / "templates/acme-air/es-MX.yaml").read_text()
    assert "¿Sigues ahí, {first_name}? Escríbenos por mensaje privado." in pack
    assert "¿ya recibiste tu reembolso? ¿ya" not in pack


def test_a_new_translation_goes_in_the_sources_order(repo):
    pack_path = repo.root / "templates/acme-air/es-MX.yaml"
    text = pack_path.read_text()
    start = text.index("  refund-check:\n")
    end = text.index("  bag-found:\n")
    pack_path.write_text(text[:start] + text[end:])
    repo.run("xliff", "export", "--locale", "es-MX", "--output", "es-MX.xlf")
    store = load(repo.root / "es-MX.xlf")
    missing = unit(store, "refund-check::v1")
    assert not missing.target and not missing.istranslated()
    missing.target = "Hola {first_name}, ¿ya recibiste tu reembolso?"
    missing.marktranslated()
    save(store, repo.root / "es-MX.xlf")
    repo.run("xliff", "import", "es-MX.xlf")
    assert pack_path.read_text() == text
    assert repo.lint_errors() == 0


def test_flat_json_round_trip_through_translate_toolkit(repo):
    repo.run("xliff", "export", "--locale", "es-MX", "--format", "json", "--output", "es-MX.json")
    with open(repo.root / "es-MX.json", "rb") as handle:
        store = jsonl10n.JsonFile.parsefile(handle)
    by_id = {u.getid(): u for u in store.units}
    key = next(k for k in by_id if k.lstrip(".").endswith("acme-air/refund-check"))
    by_id[key].target = "Hola {first_name}, ¿ya te llegó el reembolso?"
    with open(repo.root / "es-MX.json", "wb") as handle:
        handle.write(bytes(store))
    sidecar = json.loads((repo.root / "es-MX.notes.json").read_text())
    assert sidecar["source"]["acme-air/refund-check"].startswith("Hi {first_name}")
    repo.run("xliff", "import", "es-MX.json")
    assert "    text: Hola {first_name}, ¿ya te llegó el reembolso?\n" in (repo.root / "templates/acme-air/es-MX.yaml").read_text()
