#!/usr/bin/env python3
"""Validates ReplyKit YAML files against the JSON Schemas in schemas/ with a real validator.

Usage: validate-schemas.py SCHEMA_DIR KIND=FILE ...   (KIND: brand, pack, locale or config)

Checks each schema against the draft 2020-12 metaschema first (exit 1 when one fails), then prints
one JSON line per file: {"file", "kind", "valid", "errors", "valid_draft7"}. `valid_draft7` is the
verdict of a draft-07 validator on the same schema: yaml-language-server validates as draft-07 does,
so the schemas keep to keywords both drafts read alike. YAML is read as YAML 1.2's core schema
reads it, as editors' language servers do: `no` and `2026-12-01` are strings, `280` an integer,
`true` a boolean. A file YAML cannot load is invalid. Exit 3 when python3-jsonschema (with
Draft202012Validator) or python3-yaml is missing, so that callers can say they skipped.
"""
import json
import re
import sys

try:
    import yaml
    from jsonschema import Draft7Validator, Draft202012Validator
except ImportError as error:
    print(f"skip: {error} (Debian: apt-get install python3-jsonschema python3-yaml)", file=sys.stderr)
    sys.exit(3)


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core schema scalars instead of YAML 1.1's guesses."""


CoreLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers
          if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                         "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CORE = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]
for tag, pattern, first in CORE:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


def construct_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


def construct_mapping(loader, node):
    # JSON has string keys only: a key YAML typed otherwise is compared as its text, as editors do.
    loader.flatten_mapping(node)
    result = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            raise yaml.constructor.ConstructorError(None, None, "a key that is not a scalar", key_node.start_mark)
        result[key if isinstance(key, str) else key_node.value] = loader.construct_object(value_node, deep=True)
    return result


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", construct_float)
CoreLoader.add_constructor("tag:yaml.org,2002:bool", construct_bool)
CoreLoader.add_constructor("tag:yaml.org,2002:map", construct_mapping)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    schema_dir = sys.argv[1]
    validators = {}
    draft7 = {}
    for kind in ("brand", "pack", "locale", "config"):
        with open(f"{schema_dir}/{kind}.schema.json", encoding="utf-8") as handle:
            schema = json.load(handle)
        metaschema_errors = [error.message for error in Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(schema)]
        if metaschema_errors or schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            print(f"{kind}.schema.json is not a valid draft 2020-12 schema: {metaschema_errors or schema.get('$schema')}",
                  file=sys.stderr)
            return 1
        validators[kind] = Draft202012Validator(schema)
        draft7[kind] = Draft7Validator({key: value for key, value in schema.items() if key != "$schema"})
    for argument in sys.argv[2:]:
        kind, _, path = argument.partition("=")
        try:
            with open(path, encoding="utf-8") as handle:
                document = yaml.load(handle, Loader=CoreLoader)
            errors = [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
                      for error in validators[kind].iter_errors(document)]
            valid_draft7 = draft7[kind].is_valid(document)
        except yaml.YAMLError as error:
            errors = [f"not loadable as YAML: {error}".replace("\n", " ")]
            valid_draft7 = False
        print(json.dumps({"file": path, "kind": kind, "valid": not errors, "errors": errors, "valid_draft7": valid_draft7},
                         ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
