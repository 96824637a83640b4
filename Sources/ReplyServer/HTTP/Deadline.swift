/// Runs `operation`, or throws `onTimeout` when it has not finished by `deadline` (the operation is
/// cancelled then).
func withDeadline<T: Sendable>(_ deadline: ContinuousClock.Instant, onTimeout: any Error & Sendable,
                               _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(until: deadline, clock: .continuous)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw onTimeout }
        return value
    }
}
