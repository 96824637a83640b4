import Foundation

/// `replykit preview --watch`: builds, then polls the inputs' modification times and sizes and
/// rebuilds when one changes, appears or goes; the build rewrites only the pages that changed.
public struct PreviewWatcher: Sendable {
    public var build: PreviewBuild
    /// How long to wait between looks at the files.
    public var interval: TimeInterval

    public init(build: PreviewBuild, interval: TimeInterval = 0.5) {
        self.build = build
        self.interval = interval
    }

    /// Builds and rebuilds until `shouldStop` says so, calling `report` with each build's outcome.
    public func run(report: (PreviewBuild.Outcome) -> Void, shouldStop: () -> Bool = { false }) {
        var outcome = build.run()
        report(outcome)
        var seen = Self.snapshot(outcome)
        while !shouldStop() {
            Thread.sleep(forTimeInterval: interval)
            let now = Self.snapshot(outcome)
            guard now != seen else { continue }
            // Let an editor finish its save (write, then rename) before reading.
            Thread.sleep(forTimeInterval: min(interval, 0.2))
            outcome = build.run()
            report(outcome)
            seen = Self.snapshot(outcome)
        }
    }

    struct Stamp: Equatable {
        var modified: Date?
        var size: UInt64?
    }

    /// Every YAML file under the input folders, and every input file, with its stamp.
    static func snapshot(_ outcome: PreviewBuild.Outcome) -> [String: Stamp] {
        let fileManager = FileManager.default
        var stamps: [String: Stamp] = [:]
        func stamp(_ path: String) {
            let attributes = try? fileManager.attributesOfItem(atPath: path)
            stamps[path] = Stamp(modified: attributes?[.modificationDate] as? Date,
                                 size: (attributes?[.size] as? NSNumber)?.uint64Value)
        }
        for folder in Set(outcome.inputFolders) {
            guard let walker = fileManager.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { stamp(folder + "/" + relative) }
            }
        }
        for path in outcome.inputs { stamp(path) }
        return stamps
    }
}
