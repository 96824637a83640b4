import ReplyCompiler

/// One file given to an import, read: its translations, and what its reading found wrong.
public struct ImportInput: Sendable {
    public var file: SourceFile
    public var document: TranslationDocument
    /// Units that cannot be imported as they are written (inline markup the export did not write).
    public var problems: [XLIFFReader.UnitProblem]

    public init(file: SourceFile, document: TranslationDocument, problems: [XLIFFReader.UnitProblem] = []) {
        self.file = file
        self.document = document
        self.problems = problems
    }
}
