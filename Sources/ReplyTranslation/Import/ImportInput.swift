import ReplyCompiler

/// One file given to an import, read: its translations, and what its reading found wrong.
public struct ImportInput: Sendable {
    public var file: SourceFile
    public var document: TranslationDocument
    /// Units that cannot be imported as they are written (inline markup the export did not write).
    public var problems: [XLIFFReader.UnitProblem]
    /// The byte offset where each line starts, for the ranges of refused units.
    let lineStarts: [Int]

    public init(file: SourceFile, document: TranslationDocument, problems: [XLIFFReader.UnitProblem] = []) {
        self.file = file
        self.document = document
        self.problems = problems
        var starts = [0]
        for (offset, byte) in file.bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }
}
