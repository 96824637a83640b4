internal import Synchronization

/// Whether the instance takes traffic: `/readyz` is 503 before the first library loads and once a
/// graceful shutdown has begun, so a load balancer sends new requests elsewhere while these drain.
package final class ServiceState: Sendable {
    private let drainingFlag = Atomic<Bool>(false)

    package init() {}

    package var draining: Bool { drainingFlag.load(ordering: .relaxed) }
    package func beginDraining() { drainingFlag.store(true, ordering: .relaxed) }
}
