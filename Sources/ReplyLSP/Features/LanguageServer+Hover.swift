import Foundation
internal import ReplyCompiler
internal import ReplyKit
internal import ReplyKitSupport

extension LanguageServer {
    /// On `{variable}`: its declaration. On a template: each variant's worst case and what drives
    /// it, the reply rendered with the variables' examples, and the template in the other locales.
    func hover(_ params: Params) throws(RPCError) -> JSONValue {
        guard let found = try packCursor(params), let workspace, let brand = found.folder.brand else { return .null }
        if let variable = found.cursor.variable {
            guard let declared = brand.variable(named: variable.name) else {
                return markdown("`{\(variable.name)}` is not declared in \(PathText.lastComponent(brand.file))",
                                found.lines.range(bytes: variable.bytes))
            }
            return markdown(Self.declaration(declared), found.lines.range(bytes: variable.bytes))
        }
        guard let index = found.cursor.templateIndex else { return .null }
        let template = found.pack.templates[index]
        let analyses = workspace.analyses(ofPack: found.path)
        guard analyses.indices.contains(index) else { return .null }
        let analysis = analyses[index]
        var text = "**\(template.id.value)** · \(found.pack.tag?.canonical ?? "?") · \(brand.id)"
        if let campaign = template.campaign { text += " · campaign `\(campaign)`" }
        text += "\n"
        let rendered = render(analysis, brand: brand, repository: workspace.repository)
        for (number, variant) in analysis.variants.enumerated() {
            let name = analysis.variants.count == 1 ? "Worst case" : "Variant \(number + 1), worst case"
            if let bound = variant.bound {
                let worst = bound.reply(deepLink: analysis.deepLinkWeight)
                var parts = ["text \(bound.literal)"]
                parts += bound.variables.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "`{\($0.key)}` \($0.value)" }
                if analysis.deepLinkWeight > 0 { parts.append("deep link \(analysis.deepLinkWeight)") }
                text += "\n\(name): **\(worst) / \(brand.maxLength)**\(worst > brand.maxLength ? " (over the limit)" : "") — \(parts.joined(separator: ", "))\n"
            } else {
                text += "\n\(name): not measured (\(variant.syntaxError.map { "\($0)" } ?? "it uses a variable the brand does not declare"))\n"
            }
            switch rendered[number] {
            case .success(let reply): text += "\n```text\n\(reply.text)\n```\n_rendered with the examples: \(reply.weightedLength) / \(reply.limit)_\n"
            case .failure(let error): text += "\n_not rendered: \(error.message)_\n"
            }
        }
        var others: [String] = []
        for pack in found.folder.packs where pack.file != found.pack.file {
            let tag = pack.tag?.canonical ?? PathText.lastComponent(pack.file)
            guard let other = pack.templates.firstIndex(where: { $0.id.value == template.id.value }) else {
                others.append("- \(tag): missing")
                continue
            }
            let otherAnalyses = workspace.analyses(ofPack: pack.file)
            let worst = otherAnalyses.indices.contains(other) ? otherAnalyses[other].maxWeightedLength : nil
            let findings = workspace.diagnostics(of: pack.file).filter { $0.template == template.id.value }
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.filter { $0.severity == .warning }.count
            var line = "- \(tag): \(worst.map { "\($0) / \(brand.maxLength)" } ?? "not measured")"
            if errors > 0 { line += ", \(errors) error\(errors == 1 ? "" : "s")" }
            if warnings > 0 { line += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
            others.append(line)
        }
        if !others.isEmpty { text += "\nOther locales:\n" + others.joined(separator: "\n") + "\n" }
        return markdown(text, found.lines.range(template.id.range))
    }

    func markdown(_ text: String, _ range: LSPRange) -> JSONValue {
        .object([("contents", .object([("kind", .string("markdown")), ("value", .string(text))])), ("range", range.json)])
    }

    /// A variable's declaration: type, bounds, pattern, example.
    static func declaration(_ variable: Variable) -> String {
        var text = "**`{\(variable.name.value)}`** · \(variable.typeName)\n\n"
        switch variable.kind {
        case .text(let rules):
            text += "- at most \(rules.maxLength) weighted characters\n"
            if let pattern = rules.pattern { text += "- pattern: `\(pattern)`\n" }
            if !rules.allow.isEmpty { text += "- may contain: \(rules.allow.map(\.rawValue).sorted().joined(separator: ", "))\n" }
            if rules.multiline { text += "- may span lines\n" }
        case .number(let min, let max):
            text += "- an integer from \(min) to \(max)\n"
        case .choice(let values):
            text += "- one of: \(values.map { "`\($0)`" }.joined(separator: ", "))\n"
        }
        text += "- longest value: \(LengthBound.longestValue(variable)) weighted characters\n"
        if let example = variable.example { text += "- example: `\(example.value)`\n" }
        if let description = variable.description { text += "\n\(description)\n" }
        return text
    }

    /// Each variant of the template rendered with the brand's `example` values (deep link included).
    func render(_ analysis: TemplateAnalysis, brand: Brand, repository: TemplateRepository) -> [Result<Reply, RenderError>] {
        guard let tag = analysis.pack.tag else {
            return analysis.variants.map { _ in .failure(RenderError(.templateInvalid, "the pack has no locale")) }
        }
        var compiled = CompiledBrand(brand)
        compiled.packs[tag] = [analysis.template.id.value: TemplateSource(CompiledTemplate(analysis))]
        let library = ReplyLibrary(brands: [compiled], locales: LocaleRules(repository.locales))
        var values: [String: ReplyValue] = [:]
        for variable in brand.variables { if let example = variable.example { values[variable.name.value] = .text(example.value) } }
        // A campaign template renders only inside its window: show it as on the campaign's first day.
        let date = analysis.template.campaign.flatMap { brand.campaign($0)?.starts }.map { Date(timeIntervalSince1970: $0.value) }
        return analysis.variants.indices.map { index in
            Result { () throws(RenderError) -> Reply in
                try library.render("\(brand.id)/\(analysis.template.id.value)", locale: tag.canonical, values: values,
                                   variant: index, at: date)
            }
        }
    }
}
