/// One immutable value behind a reference: what many holders share without copying it (each
/// analysis of a brand), or what an atomic reference must hold (a lazily decoded template).
public final class Shared<Value: Sendable>: Sendable {
    public let value: Value

    public init(_ value: Value) {
        self.value = value
    }
}
