import CLibYAML
import Foundation

/// libyaml's own event parsing, building nothing: the baseline that the load and lint benchmarks
/// compare with. It calls the system libyaml directly, so it measures the same thing whatever the
/// library's own YAML layer looks like.
public enum LibYAML {
    /// Reads each file and runs libyaml's parser over it; returns the number of events, or nil when
    /// a file cannot be read or parsed.
    public static func countEvents(inFiles files: [String]) -> Int? {
        var total = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let count = countEvents(Array(data)) else {
                return nil
            }
            total += count
        }
        return total
    }

    /// The events of one document, up to the end of the stream.
    public static func countEvents(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var count = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if done { return count }
            }
        }
    }
}
