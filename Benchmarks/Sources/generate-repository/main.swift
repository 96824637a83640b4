import Foundation
import RepositoryGenerator

// Writes a generated repository to a folder, to look at what the benchmarks measure:
//   swift run generate-repository OUTPUT [BRANDS LOCALES TEMPLATES]   (default 200 10 50)
let arguments = CommandLine.arguments.dropFirst()
let numbers = arguments.dropFirst().map { Int($0) }
guard let output = arguments.first, arguments.count == 1 || arguments.count == 4,
      numbers.allSatisfy({ ($0 ?? 0) > 0 }) else {
    FileHandle.standardError.write(Data("usage: generate-repository OUTPUT [BRANDS LOCALES TEMPLATES]\n".utf8))
    exit(2)
}
let shape = numbers.count == 3 ? numbers.map { $0 ?? 0 } : [200, 10, 50]
guard shape[1] <= RepositoryGenerator.locales.count else {
    FileHandle.standardError.write(Data("error: at most \(RepositoryGenerator.locales.count) locales\n".utf8))
    exit(2)
}
do {
    try RepositoryGenerator.write(to: output, brands: shape[0], locales: shape[1], templates: shape[2])
    print("wrote \(shape[0] * shape[1] * shape[2]) templates (\(shape[0]) brands × \(shape[1]) locales × \(shape[2])) to \(output)")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
