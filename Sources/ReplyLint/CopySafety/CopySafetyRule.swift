/// The three rules that read template text the way a customer would (copy-safety.md).
public enum CopySafetyRule: String, Sendable, CaseIterable {
    case privateInfoInPublic = "private-info-in-public"
    case secretRequest = "secret-request"
    case redirectOffPlatform = "redirect-off-platform"
}
