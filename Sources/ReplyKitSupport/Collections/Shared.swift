/// One immutable value behind a reference: what many holders share without copying it (each
/// analysis of a brand), or what an atomic reference must hold (a lazily decoded template).
@usableFromInline final class Shared<Value: Sendable>: Sendable {
    @usableFromInline let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
