package import Foundation
package import ReplyKit
package import ReplyLint
package import ReplyKitSupport
internal import TweetText

/// The service's operations on request bodies, whatever carries them (HTTP, MCP): the bodies are
/// `render --batch` lines and `check --jsonl` lines; the answers are their JSON and an HTTP status.
package enum ReplyAPI {
    /// An answer: the status it goes with over HTTP and its JSON body.
    package struct Answer: Sendable {
        package var status: Int
        package var body: JSONValue

        package init(status: Int, body: JSONValue) {
            self.status = status
            self.body = body
        }
    }

    /// One render request (a `--batch` line): the reply's json format, or the error with its status.
    ///
    /// Campaign windows are checked against the service's clock (`now`): a line that names its own
    /// `at` is refused, so that a caller cannot render a campaign outside the window it was approved for.
    package static func render(_ line: String, _ served: ServedLibrary, now: Date = Date()) -> Answer {
        do throws(RenderError) {
            var request = try RenderRequest(jsonLine: line)
            if request.at != nil {
                throw RenderError(.invalidRequest, "`at` is not accepted: the service checks campaign windows against its own clock")
            }
            request.at = now
            return Answer(status: 200, body: try served.library.render(request).json)
        } catch {
            return Answer(status: status(of: error.code), body: error.json)
        }
    }

    /// One check request (`{"brand", "locale", "text"}`): `check --format json`, or why the check
    /// could not run. A reply with findings at error level is a 200 whose `ok` is false: the check ran.
    package static func check(_ line: String, _ served: ServedLibrary) -> Answer {
        do throws(ReplyCheckError) {
            let request = try ReplyCheckRequest(jsonLine: line)
            let result = try served.checker.check(request.text, brand: request.brand, locale: request.locale)
            return Answer(status: 200, body: result.json)
        } catch {
            return Answer(status: status(of: error.code), body: error.json())
        }
    }

    /// `count --format json` of `text`.
    package static func count(_ text: String) -> JSONValue {
        TwitterText.parseTweet(text, configuration: .v3).json
    }

    /// The status of a render error: 400 for a request that is not one, 404 for an unknown template
    /// or locale, 409 for a closed campaign, 422 for a value the template refuses, 500 for what the
    /// caller cannot fix.
    package static func status(of code: RenderError.Code) -> Int {
        switch code {
        case .invalidRequest: 400
        case .unknownTemplate, .unknownLocale: 404
        case .campaignClosed: 409
        case .missingValue, .unknownVariable, .invalidValue, .joinsEntity, .overLimit, .invalidVariant: 422
        case .templateInvalid, .internalError: 500
        }
    }

    package static func status(of code: ReplyCheckError.Code) -> Int {
        switch code {
        case .invalidLine: 400
        case .unknownBrand, .unknownLocale: 404
        case .invalidTemplates: 500
        }
    }

    /// `{"error": {"code", "message", "variable": null}}`: an error of the service itself.
    package static func error(_ code: String, _ message: String) -> JSONValue {
        .object([("error", .object([("code", .string(code)), ("message", .string(message)), ("variable", .null)]))])
    }
}
