/// The committed OpenAPI 3.1 document (Sources/ReplyServer/Resources/openapi.json), compiled in.
package enum OpenAPIDocument {
    package static var bytes: [UInt8] { PackageResources.openapi_json }
}
