/// Writes a brand's brand.yaml: its account, the variables its templates use and its campaigns.
struct BrandWriter {
    let brand: BrandPlan

    func write() -> String {
        var random = SplitMix64(brand.index, 6)
        let tags = brand.locales.map { RepositoryGenerator.locales[$0] }
        var out = "# \(brand.name)'s customer care account on X.\n"
        out += "name: \(brand.name)\n"
        out += "account:\n  handle: \(brand.handle)\n  user_id: \"\(brand.userID)\"\n  dm_open: true\n"
        out += "default_locale: \(tags[0])\n"
        if random.chance(80) { out += "locales: [\(tags.joined(separator: ", "))]\n" }
        if random.chance(50) { out += "fallback_locale: \(tags[0])\n" }
        if brand.limit != 280 || random.chance(30) { out += "max_length: \(brand.limit)\n" }
        out += "allowed_domains: [\(brand.site)]\n"
        if brand.host != nil || brand.lineBreakBeforeLink {
            out += "deep_link:\n"
            if let host = brand.host { out += "  host: \(host)\n" }
            if brand.lineBreakBeforeLink { out += "  separator: \"\\n\"  # the link on a line of its own\n" }
        }
        out += "variables:\n"
        for name in brand.usedVariables { out += variable(name, &random) }
        if !brand.campaigns.isEmpty {
            out += "campaigns:\n"
            for campaign in brand.campaigns {
                out += "  \(campaign.id):\n    name: \(campaign.name)\n    status: approved\n"
                out += "    starts: \(campaign.starts)\n    ends: \(campaign.ends)\n"
            }
        }
        return out
    }

    private func variable(_ name: String, _ random: inout SplitMix64) -> String {
        var lines = ["  \(name):"]
        switch name {
        case "first_name":
            if random.chance(50) { lines.append("    type: text") }
            lines += ["    max_length: \(brand.firstNameLength)", "    pattern: \"[\\\\p{L}' .-]+\"",
                      "    example: \(brand.firstNameExample)"]
            if random.chance(60) { lines.append("    description: The customer's first name, as they wrote it") }
        case "city":
            lines += ["    max_length: \(BrandPlan.cityLength)", "    pattern: \"[\\\\p{L} .'-]+\"",
                      "    example: \(brand.cityExample)", "    description: Where the service is affected"]
        case "agent":
            lines += ["    max_length: \(BrandPlan.agentLength)", "    pattern: \"[A-Z]{2,3}\"", "    example: JM",
                      "    description: Initials of the agent who signs the reply"]
        case "order_id":
            lines += ["    max_length: \(brand.orderIDLength)", "    pattern: \"[A-Z0-9-]{4,\(brand.orderIDLength)}\"",
                      "    example: A-48213"]
        case "days":
            lines += ["    type: number", "    min: 1", "    max: \(brand.maxDays)", "    example: 3"]
        case "items":
            lines += ["    type: number", "    min: 1", "    max: \(brand.maxItems)", "    example: 2"]
        case "points":
            lines += ["    type: number", "    min: 50", "    max: \(brand.maxPoints)", "    example: 500",
                      "    description: Goodwill points credited"]
        default:
            lines += ["    type: choice", "    values: [\(brand.tiers.joined(separator: ", "))]", "    example: gold"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
