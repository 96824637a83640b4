import Foundation
import Hummingbird
import HummingbirdTesting
import ReplyServer
import Testing

@Suite("POST /v1/check and GET /v1/templates")
struct CheckAndCatalogueTests {
    @Test("a reply that passes is ok; one with a finding at error level is a 200 with ok false and the finding")
    func check() async throws {
        try await TestServer().test { client in
            let good = try await client.post("/v1/check", #"{"brand": "acme-air", "locale": "en-US", "text": "Thanks for your patience, Ana."}"#)
            #expect(good.status == 200)
            #expect(good.json["ok"] as? Bool == true)
            let long = String(repeating: "a", count: 300)
            let bad = try await client.post("/v1/check", #"{"brand": "acme-air", "text": "\#(long)"}"#)
            #expect(bad.status == 200)
            #expect(bad.json["ok"] as? Bool == false)
            #expect(bad.json["weighted_length"] as? Int == 300)
            let rules = (bad.json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            #expect(!rules.isEmpty)
        }
    }

    @Test("a check that cannot run is an error, never a pass", arguments: [
        (#"{"brand": "no-such-brand", "text": "hi"}"#, 404, "unknown-brand"),
        (#"{"brand": "acme-air", "locale": "not a tag", "text": "hi"}"#, 404, "unknown-locale"),
        (#"{"text": "hi"}"#, 400, "invalid-line"),
        (#""hi""#, 400, "invalid-line"),
        (#"{"brand": "acme-air", "text": 3}"#, 400, "invalid-line"),
    ])
    func checkErrors(body: String, status: Int, code: String) async throws {
        try await TestServer().test { client in
            let (got, json) = try await client.post("/v1/check", body)
            #expect(got == status, "\(json)")
            #expect(errorCode(json) == code, "\(json)")
        }
    }

    @Test("the catalogue lists brands, templates, variables with their types and bounds, worst cases, DM hand-off and campaigns")
    func catalogue() async throws {
        try await TestServer().test { client in
            let (status, text, _) = try await client.get("/v1/templates")
            #expect(status == 200)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(json["version"] as? String == TestServer.exampleLibrary.version)
            let brands = json["brands"] as? [[String: Any]] ?? []
            #expect(brands.map { $0["id"] as? String } == ["acme-air", "globex-mobile", "northwind-bank"])
            let acme = try #require(brands.first)
            let days = try #require((acme["variables"] as? [[String: Any]])?.first { $0["name"] as? String == "days" })
            #expect(days["type"] as? String == "number")
            #expect(days["min"] as? Int == 1)
            #expect(days["max"] as? Int == 30)
            let templates = json["templates"] as? [[String: Any]] ?? []
            let refund = try #require(templates.first { $0["id"] as? String == "acme-air/refund-delay" })
            #expect(refund["dm"] as? Bool == true)
            #expect(Set(refund["variables"] as? [String] ?? []) == ["first_name", "days"])
            let packs = refund["locales"] as? [[String: Any]] ?? []
            #expect(packs.contains { $0["locale"] as? String == "es-MX" })
            #expect(packs.allSatisfy { ($0["worst_case"] as? Int).map { (1...280).contains($0) } == true })
            let roaming = try #require(templates.first { $0["id"] as? String == "globex-mobile/roaming-offer" })
            #expect(roaming["campaign"] as? String == "holiday-roaming")
            #expect(roaming["campaign_open"] as? Bool == false)
            let only = try await client.get("/v1/templates?brand=globex-mobile")
            #expect(only.text.contains("globex-mobile/roaming-offer"))
            #expect(!only.text.contains("acme-air/refund-delay"))
            let unknownBrandStatus = try await client.get("/v1/templates?brand=nope").status
            #expect(unknownBrandStatus == 404)
        }
    }

    @Test("a worst case is the longest reply the renderer makes: no values render longer")
    func worstCaseBoundsRenders() async throws {
        let served = TestServer.exampleLibrary
        let template = try #require(served.catalogue.templates.first { $0.id == "acme-air/refund-delay" })
        let pack = try #require(template.locales.first { $0.locale == "en-US" })
        let reply = try served.library.render(.init(template: template.id, locale: "en-US",
                                                    values: ["first_name": "Maximiliana Josefa", "days": 30]))
        #expect(reply.weightedLength <= (pack.worstCase ?? 0))
    }
}
