# The two commands of the README: `make demo` (the main job) and `make test`.
SWIFT ?= swift
REPLYKIT = .build/debug/replykit

.PHONY: demo test deps test-tools build tables locales schemas

deps:
	@Scripts/ensure-libyaml.sh

test-tools:
	@Scripts/ensure-test-tools.sh

build: deps
	$(SWIFT) build --product replykit

demo: build
	$(REPLYKIT) lint templates
	$(REPLYKIT) render acme-air/refund-delay --locale es-MX --var first_name=Ana --var days=3 --key 1790000000000000001

test: deps test-tools
	$(SWIFT) test

# Regenerates Sources/TweetText/Generated from Debian's unicode-data and publicsuffix packages.
tables:
	python3 Scripts/generate-tables.py

# Embeds locales/*.yaml in the library (Sources/ReplyCompiler/Generated/BuiltinLocales+Data.swift).
locales:
	python3 Scripts/embed-locales.py

# Regenerates schemas/*.schema.json from the definitions the readers use (a test fails when they are stale).
schemas: build
	for kind in brand pack locale config; do $(REPLYKIT) schema $$kind > schemas/$$kind.schema.json || exit 1; done
